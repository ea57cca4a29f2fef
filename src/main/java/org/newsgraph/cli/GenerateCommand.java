package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsgraph.bench.CorpusFiles;
import org.newsgraph.kb.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Writes a corpus of realistic French news articles for tests and benchmarks: real "
            + "countries, the leaders in office on each article's date, organisations and cities of "
            + "the bundled gazetteer, in varied sentences (calls, meetings, visits, statements, "
            + "attacks, accusations, threats, votes; planned, denied and hypothetical calls).",
        "One JSON article a line (id, date, title, text, lang), readable by 'build'. The same "
            + "seed gives the same bytes; article i depends only on the seed and i. --expected "
            + "writes the events each article states (article, class, status, participants as "
            + "Wikidata ids or names, initiator, date, template), one a line."})
final class GenerateCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--articles", paramLabel = "N", required = true, description = "Number of articles.")
  int articles;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE.jsonl", required = true,
      description = "The articles, as JSON Lines.")
  Path output;

  @Option(names = "--expected", paramLabel = "FILE",
      description = "Also write the expected events, as JSON Lines.")
  Path expected;

  @Override
  public Integer call() throws Exception {
    if (articles < 0) {
      throw new IllegalArgumentException("--articles must be >= 0: " + articles);
    }
    long t0 = System.nanoTime();
    CorpusFiles.Written w = CorpusFiles.write(Gazetteer.bundled(), seed, articles, output, expected);
    double secs = (System.nanoTime() - t0) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Wrote %,d article(s) (%,d bytes) stating %,d event(s) to %s%s in %.1f s.%n",
        w.articles(), w.bytes(), w.events(), output,
        expected == null ? "" : ", expected events to " + expected, secs);
    out.flush();
    return 0;
  }
}
