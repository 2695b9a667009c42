/* Every handler, listed for the route table in routes.c. */
#ifndef GUATU_API_HANDLERS_H
#define GUATU_API_HANDLERS_H
#include "api/api.h"

#define HANDLER(name) gcode name(struct api_req *rq, struct api_resp *rs, struct gerror *e)

HANDLER(h_session_create);
HANDLER(h_session_delete);
HANDLER(h_me);
HANDLER(h_me_password);
HANDLER(h_roles);
HANDLER(h_regions_list);
HANDLER(h_regions_create);
HANDLER(h_regions_get);
HANDLER(h_regions_update);
HANDLER(h_departments_list);
HANDLER(h_departments_create);
HANDLER(h_departments_get);
HANDLER(h_departments_update);
HANDLER(h_users_list);
HANDLER(h_users_create);
HANDLER(h_users_get);
HANDLER(h_users_update);
HANDLER(h_users_unlock);
HANDLER(h_users_password);
HANDLER(h_enterprises_list);
HANDLER(h_enterprises_create);
HANDLER(h_enterprises_get);
HANDLER(h_enterprises_update);
HANDLER(h_enterprises_import);
HANDLER(h_enterprises_export);
HANDLER(h_enterprises_template);
HANDLER(h_tokens_list);
HANDLER(h_tokens_create);
HANDLER(h_tokens_delete);
HANDLER(h_audit_list);
HANDLER(h_projects_list);
HANDLER(h_projects_create);
HANDLER(h_projects_get);
HANDLER(h_projects_update);
HANDLER(h_projects_transition);
HANDLER(h_projects_history);
HANDLER(h_projects_procedure_get);
HANDLER(h_projects_procedure_put);
HANDLER(h_projects_milestones_list);
HANDLER(h_projects_milestones_create);
HANDLER(h_projects_milestones_update);
HANDLER(h_projects_schedule_plan);
HANDLER(h_projects_schedule_baseline);
HANDLER(h_projects_schedule_get);
HANDLER(h_projects_reports_list);
HANDLER(h_projects_reports_create);
HANDLER(h_projects_reports_update);
HANDLER(h_projects_reports_submit);
HANDLER(h_projects_reports_review);
HANDLER(h_projects_problems_list);
HANDLER(h_projects_problems_create);
HANDLER(h_projects_rates);
HANDLER(h_projects_campaign);
HANDLER(h_projects_ledgers);
HANDLER(h_projects_battle_map);
HANDLER(h_light_rules_get);
HANDLER(h_light_rules_put);
HANDLER(h_projects_photos_create);
HANDLER(h_projects_photos_list);
HANDLER(h_projects_photos_get);
HANDLER(h_projects_photos_delete);
HANDLER(h_problems_list);
HANDLER(h_problems_update);
/* Projects and problems in and out of Excel. */
HANDLER(h_projects_import);
HANDLER(h_projects_import_template);
HANDLER(h_projects_reports_import);
HANDLER(h_projects_reports_template);
HANDLER(h_projects_export);
HANDLER(h_problems_export);
/* Economic operation 经济运行 (indicators.c, econ_*.c, cockpit.c). */
HANDLER(h_indicators_list);
HANDLER(h_indicators_create);
HANDLER(h_indicators_update);
HANDLER(h_econ_values_list);
HANDLER(h_econ_values_create);
HANDLER(h_econ_values_get);
HANDLER(h_econ_values_update);
HANDLER(h_econ_values_publish);
HANDLER(h_econ_import);
HANDLER(h_econ_template);
HANDLER(h_econ_targets_list);
HANDLER(h_econ_targets_create);
HANDLER(h_econ_targets_update);
HANDLER(h_econ_pace);
HANDLER(h_econ_compare);
HANDLER(h_cockpit);
/* Economic operation: the drafted briefing (briefing.c). */
HANDLER(h_briefing);

/* Shared by session.c and users.c. */
gcode api_password_policy(const char *pw, const char *username, const char *field,
			  struct gerror *e);

#endif
