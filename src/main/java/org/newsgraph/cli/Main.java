package org.newsgraph.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsgraph} command line. {@link #run} returns the exit code: 0 ok, 1 some input
 * failed, 2 usage; {@code System.exit} is called only in {@link #main}.
 */
@Command(name = "newsgraph",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Builds a knowledge graph of French news: articles to RDF events (calls, meetings, "
        + "attacks, accusations...) with actors linked to Wikidata and GeoNames, stored in TDB2, "
        + "queried with SPARQL.",
    subcommands = {BuildCommand.class, MapCommand.class, LoadCommand.class, QueryCommand.class,
        ServeCommand.class, ExportCommand.class,
        ExplainCommand.class, LinkCommand.class,
        StatsCommand.class, EvalCommand.class, CommandLine.HelpCommand.class, GenerateCommand.class,
        BenchCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 some input failed, 2 usage error.",
        "Example: newsgraph build seeds && newsgraph query calls"})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      // an exception without a message is named instead of printing "null"
      cmd.getErr().println("newsgraph: " + (ex.getMessage() != null ? ex.getMessage()
          : ex.getClass().getSimpleName()));
      cmd.getErr().flush();
      return ex instanceof IllegalArgumentException ? 2 : 1;
    });
    return cl.execute(args);
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"newsgraph " + (v == null ? "(development build)" : v)};
    }
  }
}
