/* guatu: the program. Everything but this file is in the library. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
