// Registered by the gazetteer stage; its subcommands are added here as they are built.
#include "cli/commands.h"

namespace vigie::cli {

void AddGazetteerCommands(CLI::App& /*app*/, const GlobalOptions& /*global*/,
                       int* /*exit_code*/) {}

}  // namespace vigie::cli
