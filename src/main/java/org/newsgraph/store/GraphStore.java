package org.newsgraph.store;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.system.progress.MonitorOutput;
import org.newsgraph.rdf.NG;

/**
 * The knowledge graph on disk: a TDB2 dataset with one named graph per article, the ontology in a
 * graph of its own, and the union of all graphs as the default graph for queries.
 *
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("data/store"))) {
 *   store.replaceGraphs(Map.of(graphIri, quads));
 * }
 * }</pre>
 */
public final class GraphStore implements AutoCloseable {

  private final DatasetGraph dsg;
  private final Path dir;

  private GraphStore(DatasetGraph dsg, Path dir) {
    this.dsg = dsg;
    this.dir = dir;
    dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
  }

  /** Opens (or creates) the store in a folder. Fails if another process holds it. */
  public static GraphStore open(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      return new GraphStore(DatabaseMgr.connectDatasetGraph(dir.toString()), dir);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the store in " + dir + ": " + e.getMessage()
          + " (is another newsgraph process, such as a running server, using it?)", e);
    }
  }

  public Path dir() {
    return dir;
  }

  public DatasetGraph datasetGraph() {
    return dsg;
  }

  /** A Dataset view whose default graph is the union of the named graphs. */
  public Dataset dataset() {
    return DatasetFactory.wrap(dsg);
  }

  /**
   * Replaces each named graph with the given quads, all in one write transaction: either every
   * graph is replaced or none is. Quads must belong to the graph they are listed under.
   */
  public void replaceGraphs(Map<Node, List<Quad>> graphs) {
    Txn.executeWrite(dsg, () -> {
      for (Map.Entry<Node, List<Quad>> e : graphs.entrySet()) {
        dsg.deleteAny(e.getKey(), Node.ANY, Node.ANY, Node.ANY);
        for (Quad q : e.getValue()) {
          if (!q.getGraph().equals(e.getKey())) {
            throw new IllegalArgumentException("quad in graph " + q.getGraph()
                + " listed under graph " + e.getKey());
          }
          dsg.add(q);
        }
      }
    });
  }

  /**
   * Writes a batch of articles in one transaction: each article's own graph (the key) is
   * replaced by the quads of that graph; quads of other graphs (the reference graph of gazetteer
   * facts, which articles share) are added.
   */
  public void writeArticles(Map<Node, List<Quad>> batch) {
    Map<Node, List<Quad>> own = new LinkedHashMap<>();
    java.util.Set<Quad> shared = new java.util.LinkedHashSet<>();
    for (Map.Entry<Node, List<Quad>> e : batch.entrySet()) {
      List<Quad> mine = new ArrayList<>(e.getValue().size());
      for (Quad q : e.getValue()) {
        if (q.getGraph().equals(e.getKey())) {
          mine.add(q);
        } else {
          shared.add(q);
        }
      }
      own.put(e.getKey(), mine);
    }
    Txn.executeWrite(dsg, () -> {
      replaceGraphs(own);
      shared.forEach(dsg::add);
    });
  }

  /** Removes named graphs; true when any existed. */
  public boolean removeGraphs(List<Node> graphs) {
    return Txn.calculateWrite(dsg, () -> {
      boolean any = false;
      for (Node g : graphs) {
        any |= dsg.containsGraph(g);
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
      }
      return any;
    });
  }

  /** Loads the ontology into its own named graph, replacing what was there. */
  public void putOntology(InputStream ttl) {
    Node g = NodeFactory.createURI(NG.ONTOLOGY);
    List<Quad> quads = new ArrayList<>();
    RDFParser.source(ttl).lang(Lang.TURTLE).parse(new org.apache.jena.riot.system.StreamRDFBase() {
      @Override
      public void triple(org.apache.jena.graph.Triple t) {
        quads.add(Quad.create(g, t));
      }
    });
    Map<Node, List<Quad>> m = new LinkedHashMap<>();
    m.put(g, quads);
    replaceGraphs(m);
  }

  /**
   * Bulk-loads RDF files (any syntax Jena reads; triples go to the default storage graph unless
   * the file has named graphs). Meant for large inputs into a store nobody else is using.
   */
  public long bulkLoad(List<Path> files, Consumer<String> progress) {
    MonitorOutput out = (fmt, args) -> progress.accept(String.format(fmt, args));
    DataLoader loader = LoaderFactory.phasedLoader(dsg, out);
    loader.startBulk();
    try {
      loader.load(files.stream().map(Path::toString).toList());
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      throw e;
    }
    return loader.countQuads() + loader.countTriples();
  }

  /**
   * A bulk writer: quads streamed into TDB2's phased bulk loader, several times faster than
   * transactions but meant for a store nobody else uses and with nothing to replace; the data
   * is in the store once {@link BulkWriter#finish} returns. A failure or a kill part way through
   * can leave the store unusable, which is why {@code build} bulk-loads only a new store, in a
   * staging folder renamed into place at the end.
   */
  public BulkWriter bulkWriter(Consumer<String> progress) {
    MonitorOutput out = (fmt, args) -> progress.accept(String.format(fmt, args));
    DataLoader loader = LoaderFactory.phasedLoader(dsg, out);
    loader.startBulk();
    return new BulkWriter(loader);
  }

  /** Quads into the bulk loader; see {@link #bulkWriter}. */
  public static final class BulkWriter {
    private final DataLoader loader;
    private final org.apache.jena.riot.system.StreamRDF stream;
    private boolean ended;

    private BulkWriter(DataLoader loader) {
      this.loader = loader;
      this.stream = loader.stream();
      stream.start();
    }

    public void add(Quad q) {
      stream.quad(q);
    }

    /** Ends the load: the quads are in the store. */
    public void finish() {
      if (!ended) {
        ended = true;
        stream.finish();
        loader.finishBulk();
      }
    }

    /** Gives up after a failure. */
    public void abort(Throwable cause) {
      if (!ended) {
        ended = true;
        loader.finishException(cause instanceof Exception e ? e : new RuntimeException(cause));
      }
    }
  }

  /** True when {@code dir} holds no store yet: it does not exist, or is an empty folder. */
  public static boolean isNew(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Number of quads in the named graphs and triples in the storage default graph. */
  public long size() {
    return Txn.calculateRead(dsg, () -> {
      long n = 0;
      var it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
      while (it.hasNext()) {
        it.next();
        n++;
      }
      return n;
    });
  }

  /** Reclaims the space left by replaced graphs. */
  public void compact() {
    DatabaseMgr.compact(dsg, true);
  }

  @Override
  public void close() {
    // Release the folder (lock and caches) so that another process, or a later open, can use it.
    org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
  }

  /** Store failures, with the folder in the message. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
