package org.newsgraph.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.PrefixMappingAdapter;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.Prefixes;

/**
 * Writes a {@link Network} for graph tools, or the RDF itself, to files. Files are written under
 * a temporary name and moved into place, so a failed export leaves no half file.
 */
public final class Exporter {

  private Exporter() {}

  /** The graph-tool formats. */
  public enum GraphFormat {
    GRAPHML, GEXF, DOT, CSV, CYTOSCAPE_JSON;

    public static GraphFormat parse(String s) {
      String k = s.toLowerCase(Locale.ROOT).replace('_', '-');
      return switch (k) {
        case "graphml" -> GRAPHML;
        case "gexf" -> GEXF;
        case "dot", "gv", "graphviz" -> DOT;
        case "csv" -> CSV;
        case "cytoscape-json", "cytoscape", "cyjs" -> CYTOSCAPE_JSON;
        default -> null;
      };
    }
  }

  /** The RDF dump formats: TriG and N-Quads keep the named graphs, the others the union graph. */
  public static RDFFormat rdfFormat(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "ttl", "turtle" -> RDFFormat.TURTLE_BLOCKS;
      case "trig" -> RDFFormat.TRIG_BLOCKS;
      case "nq", "nquads", "n-quads" -> RDFFormat.NQUADS;
      case "jsonld", "json-ld" -> RDFFormat.JSONLD;
      case "rdfxml", "rdf/xml", "xml" -> RDFFormat.RDFXML_PLAIN;
      default -> null;
    };
  }

  /** The CSV files of an export to FILE: FILE-nodes.csv and FILE-edges.csv (a .csv suffix is dropped). */
  public static List<Path> csvFiles(Path file) {
    String name = file.getFileName().toString();
    String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return List.of(file.resolveSibling(stem + "-nodes.csv"), file.resolveSibling(stem + "-edges.csv"));
  }

  /** Writes a network; returns the files written. */
  public static List<Path> write(Network net, GraphFormat format, Path file) throws IOException {
    return switch (format) {
      case GRAPHML -> List.of(atomically(file, out -> xml(() -> GraphmlWriter.write(net, out))));
      case GEXF -> List.of(atomically(file, out -> xml(() -> GexfWriter.write(net, out))));
      case DOT -> List.of(atomically(file, out -> DotWriter.write(net, writer(out))));
      case CYTOSCAPE_JSON -> List.of(atomically(file, out -> CytoscapeJsonWriter.write(net, out)));
      case CSV -> {
        List<Path> files = csvFiles(file);
        atomically(files.get(0), out -> CsvWriter.writeNodes(net, writer(out)));
        atomically(files.get(1), out -> CsvWriter.writeEdges(net, writer(out)));
        yield files;
      }
    };
  }

  /**
   * Writes the RDF of a dataset (read inside the caller's transaction): all the quads for TriG
   * and N-Quads, else the union of the default graph and the named graphs.
   */
  public static Path writeRdf(DatasetGraph dsg, RDFFormat format, Path file) throws IOException {
    PrefixMap pm = PrefixMapFactory.create();
    Prefixes.apply(pm, NG.DEFAULT_BASE);
    pm.add("sem", NG.SEM);
    Lang lang = format.getLang();
    return atomically(file, out -> {
      if (lang.equals(Lang.TRIG) || lang.equals(Lang.NQUADS)) {
        RDFWriter.source(new PrefixedDataset(dsg, pm)).format(format).output(out);
      } else {
        // The named graphs' union plus the storage default graph (triples loaded without a graph).
        Graph g = new org.apache.jena.graph.compose.Union(dsg.getDefaultGraph(), dsg.getUnionGraph());
        Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        if (format.equals(RDFFormat.JSONLD) || format.equals(RDFFormat.RDFXML_PLAIN)) {
          // These writers need the whole graph and its prefixes.
          g.find().forEachRemaining(copy::add);
          new PrefixMappingAdapter(pm).getNsPrefixMap().forEach(copy.getPrefixMapping()::setNsPrefix);
          RDFWriter.source(copy).format(format).output(out);
        } else {
          RDFWriter.source(g).format(format)
              .set(org.apache.jena.riot.RIOT.symTurtleOmitBase, true)
              .output(out);
        }
      }
    });
  }

  /** A dataset view whose prefixes are the given ones (nothing is written to the store). */
  private static final class PrefixedDataset extends org.apache.jena.sparql.core.DatasetGraphWrapper {
    private final PrefixMap pm;

    PrefixedDataset(DatasetGraph dsg, PrefixMap pm) {
      super(dsg);
      this.pm = pm;
    }

    @Override
    public org.apache.jena.riot.system.PrefixMap prefixes() {
      return pm;
    }
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private interface XmlBody {
    void write() throws XMLStreamException;
  }

  private static void xml(XmlBody b) throws IOException {
    try {
      b.write();
    } catch (XMLStreamException e) {
      throw new IOException("XML output failed: " + e.getMessage(), e);
    }
  }

  private static PrintWriter writer(OutputStream out) {
    return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
  }

  private static Path atomically(Path file, Body body) throws IOException {
    Path abs = file.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
      body.write(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}
