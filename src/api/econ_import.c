#include "api/handlers.h"
gcode h_econ_import(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	(void)rq; (void)rs;
	return gerr_set(e, G_ERR_INTERNAL, NULL, "未实现", "not yet");
}
