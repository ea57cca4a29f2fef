package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.Extraction;
import org.newsgraph.extract.Mention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description =
        "Shows what was read from articles and why: each sentence with the mentions found (and "
        + "the gazetteer row or rule behind each), then each event with its roles, date, status and "
        + "the lexicon entries and rules that produced it.")
final class ExplainCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Pipeline pipeline = Pipeline.builder().build();
    List<Diagnostic> problems = new ArrayList<>();
    new ArticleReader().read(paths,
        ArticleReader.Listener.of(a -> explain(pipeline.extract(a), out), problems::add));
    Cli.printProblems(problems, spec.commandLine().getErr());
    out.flush();
    return problems.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR) ? 1 : 0;
  }

  static void explain(Extraction x, PrintWriter out) {
    Article a = x.article();
    out.printf("== %s (published %s, %s)%n", a.id(), a.published(), a.source());
    x.sentences().forEach(s -> {
      out.printf("[s%d %d-%d] %s%n", s.index(), s.start(), s.end(), s.text());
      for (Mention m : x.mentions()) {
        if (m.sentence() == s.index()) {
          out.printf("    %-28s -> %-9s %s   {%s}%n", "\"" + m.text() + "\"", m.kind(),
              label(m.entity()), m.rule());
        }
      }
    });
    int i = 0;
    for (Event e : x.events()) {
      out.printf("event %d: %s %s%s%n", i++, e.type().localName(), e.status().localName(),
          e.date() == null ? "" : " " + e.date() + " (\"" + e.dateExpression() + "\")");
      out.printf("    participants: %s%n",
          e.participants().stream().map(ExplainCommand::label).collect(Collectors.joining("; ")));
      if (e.initiator() != null) {
        out.printf("    initiator: %s%n", label(e.initiator()));
      }
      if (e.target() != null) {
        out.printf("    target: %s%n", label(e.target()));
      }
      if (e.place() != null) {
        out.printf("    place: %s%n", label(e.place()));
      }
      if (!e.topics().isEmpty()) {
        out.printf("    topics: %s%n", String.join(" | ", e.topics()));
      }
      if (e.reportedBy() != null) {
        out.printf("    reported by: %s%n", label(e.reportedBy()));
      }
      if (e.casualties() != null) {
        out.printf("    killed: %s (civilians %s, military %s)%s%n", e.casualties().killed(),
            e.casualties().civilians(), e.casualties().military(),
            e.casualties().minimum() ? " at least" : "");
      }
      if (e.partOf() >= 0) {
        out.printf("    during event %d%n", e.partOf());
      }
      for (Event.Evidence ev : e.evidence()) {
        out.printf("    evidence s%d \"%s\" %s%n", ev.sentence(), ev.trigger(), ev.rules());
      }
    }
  }

  private static String label(Entity e) {
    return e.nameFr() + (e.qid() == null ? "" : " " + e.qid()) + " [" + e.type().className() + "]";
  }
}
