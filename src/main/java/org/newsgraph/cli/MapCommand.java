package org.newsgraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.Prefixes;
import org.newsgraph.store.ParallelMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "map", mixinStandardHelpOptions = true,
    description = {
        "Maps articles to RDF without a store and writes it to a file or to standard output.",
        "TriG and N-Quads keep one named graph per article; Turtle, N-Triples, JSON-LD and "
            + "RDF/XML merge the graphs. N-Quads and N-Triples are written as the articles are "
            + "mapped, in input order, with memory independent of the corpus size; the other "
            + "formats gather the whole graph first."})
final class MapCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Input files or folders (default: seeds).")
  List<Path> paths = List.of(Path.of("seeds"));

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
  Path output;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "trig",
      description = "trig, nq, ttl, nt, jsonld or rdfxml (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--threads", paramLabel = "T",
      description = "Mapping threads (default: the number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--base", paramLabel = "IRI", defaultValue = NG.DEFAULT_BASE,
      description = "Base IRI of the data (default: ${DEFAULT-VALUE}).")
  String base;

  @Override
  public Integer call() throws Exception {
    RDFFormat fmt = format(format);
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--threads must be at least 1: " + threads);
    }
    PrintWriter err = spec.commandLine().getErr();
    Pipeline pipeline = Pipeline.builder().base(base).build();
    boolean streaming = fmt.getLang().equals(Lang.NQUADS) || fmt.getLang().equals(Lang.NTRIPLES);
    List<Diagnostic> problems = new ArrayList<>();
    OutputStream out = null;
    Path tmp = null;
    try {
      if (output == null) {
        out = new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
      } else {
        if (output.toAbsolutePath().getParent() != null) {
          Files.createDirectories(output.toAbsolutePath().getParent());
        }
        tmp = output.resolveSibling(output.getFileName() + ".part");
        out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
      }
      DatasetGraph dsg = streaming ? null : DatasetFactory.createTxnMem().asDatasetGraph();
      StreamRDF stream = streaming ? StreamRDFWriter.getWriterStream(out, fmt) : null;
      if (stream != null) {
        stream.start();
      }
      new ParallelMapper(pipeline, threads, 256).run(paths, ArticleReader.DEFAULT_MAX_BYTES, m -> {
        if (m.failure() != null) {
          problems.add(Diagnostic.error(m.article().source(), 0, m.failure().getMessage()));
        } else if (stream != null) {
          for (Quad q : m.quads()) {
            if (fmt.getLang().equals(Lang.NQUADS)) {
              stream.quad(q);
            } else {
              stream.triple(q.asTriple());
            }
          }
        } else {
          m.quads().forEach(dsg::add);
        }
      }, problems::add);
      if (stream != null) {
        stream.finish();
      } else {
        Prefixes.apply(dsg.prefixes(), pipeline.iris().base());
        write(out, DatasetFactory.wrap(dsg), fmt);
      }
      out.flush();
      if (tmp != null) {
        out.close();
        out = null;
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (out != null && tmp != null) {
        out.close();
        Files.deleteIfExists(tmp);
      }
    }
    Cli.printProblems(problems, err);
    return problems.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR) ? 1 : 0;
  }

  private static void write(OutputStream out, Dataset ds, RDFFormat fmt) {
    if (fmt.getLang().equals(org.apache.jena.riot.Lang.TRIG)
        || fmt.getLang().equals(org.apache.jena.riot.Lang.NQUADS)) {
      RDFDataMgr.write(out, ds, fmt);
    } else {
      org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
      m.add(ds.getUnionModel());
      ds.asDatasetGraph().prefixes().forEach(m::setNsPrefix);
      RDFDataMgr.write(out, m, fmt);
    }
  }

  static RDFFormat format(String f) {
    return switch (f.toLowerCase(Locale.ROOT)) {
      case "trig" -> RDFFormat.TRIG_PRETTY;
      case "nq", "nquads", "n-quads" -> RDFFormat.NQUADS;
      case "ttl", "turtle" -> RDFFormat.TURTLE_PRETTY;
      case "nt", "ntriples", "n-triples" -> RDFFormat.NTRIPLES;
      case "jsonld", "json-ld" -> RDFFormat.JSONLD;
      case "rdfxml", "rdf/xml", "xml" -> RDFFormat.RDFXML;
      default -> throw new IllegalArgumentException(
          "unknown format '" + f + "' (trig, nq, ttl, nt, jsonld, rdfxml)");
    };
  }
}
