package org.newsgraph.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by the commands that use the store. */
final class StoreOption {
  @Option(names = "--store", paramLabel = "DIR", defaultValue = "data/store",
      description = "TDB2 store folder (default: ${DEFAULT-VALUE}); created when missing.")
  Path store;
}
