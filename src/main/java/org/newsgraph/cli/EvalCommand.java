package org.newsgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.eval.ArticleScore;
import org.newsgraph.eval.EvalReport;
import org.newsgraph.eval.Gold;
import org.newsgraph.eval.GoldReader;
import org.newsgraph.eval.Ontology;
import org.newsgraph.eval.Scorer;
import org.newsgraph.rdf.Prefixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {
        "Scores the pipeline's RDF output against gold annotations of articles.",
        "Each gold file NAME.json is scored against the article whose id is NAME: (a) "
            + "diplomatic interactions that occurred (P/R/F1), (b) interactions wrongly asserted as "
            + "occurred, (c) links to Wikidata (and GeoNames), (d) other events by class; then each "
            + "article's misses and false hits. The rules are those of the evaluation set's "
            + "score.py, which can be run on the TriG files that --out writes."},
    footer = {"", "Exit codes: 0 scored (whatever the scores), 1 a gold or article file",
        "could not be read or an article could not be processed, 2 usage error."})
final class EvalCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "DIR",
      description = "Folder of gold files (NAME.json).")
  Path gold;

  @Option(names = "--articles", required = true, paramLabel = "DIR",
      description = "Folder (or file) of articles: NAME.txt with a ' date YYYY-MM' header, or .jsonl.")
  Path articles;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write each article's RDF to DIR/NAME.trig, as 'newsgraph map' does.")
  Path out;

  @Option(names = "--json", description = "Print the scores as JSON instead of tables.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "List the hits as well as the misses and false hits.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(gold)) {
      throw new ParameterException(spec.commandLine(), "--gold: not a folder: " + gold);
    }
    if (!Files.exists(articles)) {
      throw new ParameterException(spec.commandLine(), "--articles: no such file or folder: " + articles);
    }
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out: not a folder: " + out);
    }
    List<Path> goldFiles = goldFiles(gold);
    if (goldFiles.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--gold: no gold files (*.json) in " + gold);
    }

    boolean failed = false;
    Map<String, Article> byId = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    new ArticleReader().read(List.of(articles), new ArticleReader.Listener() {
      @Override
      public void article(Article a) {
        if (byId.putIfAbsent(a.id(), a) != null) {
          problems.add(Diagnostic.warning(a.source(), 0,
              "another article has the id '" + a.id() + "'; the first one read is scored"));
        }
      }

      @Override
      public void problem(Diagnostic d) {
        problems.add(d);
      }
    });
    Cli.printProblems(problems, err);
    failed |= problems.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);

    Ontology ontology = Ontology.bundled();
    Scorer scorer = new Scorer(ontology);
    Pipeline pipeline = Pipeline.builder().build();
    GoldReader goldReader = new GoldReader();
    List<ArticleScore> scores = new ArrayList<>();
    int written = 0;
    java.util.Set<String> scored = new java.util.HashSet<>();
    for (Path f : goldFiles) {
      Gold g;
      try {
        g = goldReader.read(f);
      } catch (IOException e) {
        err.println("newsgraph: cannot read gold file: " + e.getMessage());
        failed = true;
        continue;
      }
      scored.add(g.name());
      Article a = byId.get(g.name());
      DatasetGraph output = null;
      if (a == null) {
        err.println("newsgraph: no readable article '" + g.name() + "' in " + articles
            + " for " + f.getFileName() + ": scored as no output");
        failed = true;
      } else {
        try {
          output = DatasetFactory.createTxnMem().asDatasetGraph();
          for (Quad q : pipeline.quads(pipeline.extract(a))) {
            output.add(q);
          }
        } catch (RuntimeException e) {
          err.println(Diagnostic.error(a.source(), 0, "extraction failed: " + e.getMessage()));
          failed = true;
          output = null;
        }
      }
      if (out != null) {
        try {
          if (write(output, pipeline, out.resolve(g.name() + ".trig"))) {
            written++;
          }
        } catch (IOException e) {
          err.println("newsgraph: cannot write " + out.resolve(g.name() + ".trig") + ": " + e.getMessage());
          failed = true;
        }
      }
      scores.add(scorer.score(g, output));
    }
    err.flush();
    long unscored = byId.keySet().stream().filter(id -> !scored.contains(id)).count();
    if (json) {
      stdout.println(new EvalReport(scores).toJson());
      stdout.flush();
      return failed ? 1 : 0;
    }
    stdout.printf("Scored %d article(s) against the gold files of %s.%n", scores.size(), gold);
    if (unscored > 0) {
      stdout.printf("%d article(s) without a gold file were not scored.%n", unscored);
    }
    if (out != null) {
      stdout.printf("Wrote %d TriG file(s) to %s.%n", written, out);
    }
    stdout.println();
    new EvalReport(scores).print(stdout, verbose);
    return failed ? 1 : 0;
  }

  private static List<Path> goldFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString()))
          .toList();
    }
  }

  /**
   * Writes the article's graph as {@code newsgraph map FILE -o FILE.trig} does. Without output, an
   * older file of that name is removed, so that another scorer run on the folder sees none.
   */
  private static boolean write(DatasetGraph output, Pipeline pipeline, Path file) throws IOException {
    if (output == null) {
      Files.deleteIfExists(file);
      return false;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Prefixes.apply(output.prefixes(), pipeline.iris().base());
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
      RDFDataMgr.write(os, DatasetFactory.wrap(output), RDFFormat.TRIG_PRETTY);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }
}
