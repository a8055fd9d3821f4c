// vigie: reads news dispatches and writes what they report, as JSON.
#include <cstdio>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Vigie: sourced, geolocated conflict events from news dispatches"};
  app.require_subcommand(1);
  vigie::cli::GlobalOptions global;
  app.add_option("--data-dir", global.data_dir, "Directory with rules/ and gazetteer/");
  int exit_code = 0;
  vigie::cli::AddAnalyzeCommand(app, global, &exit_code);
  vigie::cli::AddGazetteerCommands(app, global, &exit_code);
  vigie::cli::AddStoreCommands(app, global, &exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
