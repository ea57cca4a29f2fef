package org.newsgraph.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.newsgraph.GuardedExtractor;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;

/**
 * The work of one partition: reads its lines and text files with {@link ArticleReader}, maps each
 * article with the same {@link Pipeline} and per-article time guard as {@code newsgraph build}, and
 * writes the quads to the shard {@code part-NNNNN.nq} (or {@code .nq.gz}) of the output folder.
 * Every article keeps its own named graph. Bad input is reported as outcomes, never thrown.
 *
 * <p>The shard is written under {@code _temporary/} and renamed when complete, so a failed or
 * retried task leaves no half shard; mapping is deterministic, so a retry writes the same shard.
 */
final class ShardMapper implements Function2<Integer, Iterator<Item>, Iterator<Outcome>> {
  private static final long serialVersionUID = 1L;

  /** One pipeline per executor JVM and base IRI: it is thread-safe and costly to build. */
  private static final Map<String, Pipeline> PIPELINES = new ConcurrentHashMap<>();

  private final String output;
  private final String base;
  private final int maxBytes;
  private final long timeLimitMillis;
  private final boolean gzip;
  private final HadoopConf conf;

  ShardMapper(String output, String base, int maxBytes, long timeLimitMillis, boolean gzip,
      HadoopConf conf) {
    this.output = output;
    this.base = base;
    this.maxBytes = maxBytes;
    this.timeLimitMillis = timeLimitMillis;
    this.gzip = gzip;
    this.conf = conf;
  }

  /** The shard name of a partition. */
  static String shardName(int partition, boolean gzip) {
    return String.format(Locale.ROOT, "part-%05d.nq%s", partition, gzip ? ".gz" : "");
  }

  static Pipeline pipeline(String base) {
    return PIPELINES.computeIfAbsent(base, b -> Pipeline.builder().base(b).build());
  }

  @Override
  public Iterator<Outcome> call(Integer partition, Iterator<Item> items) throws IOException {
    Pipeline pipeline = pipeline(base);
    ArticleReader reader = new ArticleReader(maxBytes);
    List<Outcome> outcomes = new ArrayList<>();
    String name = shardName(partition, gzip);
    Path target = new Path(output, name);
    TaskContext tc = TaskContext.get();
    Path tmp = new Path(new Path(output, SparkBuild.TEMPORARY),
        name + ".attempt-" + (tc == null ? 0 : tc.taskAttemptId()));
    FileSystem fs = target.getFileSystem(conf.get());
    Shard shard = new Shard(fs, tmp);
    try (GuardedExtractor guard = new GuardedExtractor(pipeline, Duration.ofMillis(timeLimitMillis))) {
      ArticleReader.Listener listener = ArticleReader.Listener.of(a -> {
        List<Quad> quads;
        try {
          quads = guard.extract(a).quads();
        } catch (GuardedExtractor.ArticleFailure e) {
          // as 'build' reports it: the article's source is "file:line"
          outcomes.add(Outcome.problem(Diagnostic.error(a.source(), 0, e.getMessage())));
          return;
        }
        shard.write(quads);
        outcomes.add(Outcome.article(a.id()));
      }, d -> outcomes.add(Outcome.problem(d)));
      while (items.hasNext()) {
        Item it = items.next();
        if (it.isTextFile()) {
          readTextFile(fs, it, reader, listener, outcomes);
        } else {
          reader.readJsonLine(it.bytes(), it.source(), it.line(), listener);
        }
      }
      if (shard.close()) {
        fs.delete(target, false);
        if (!fs.rename(tmp, target) && !fs.exists(target)) {
          throw new IOException("cannot rename " + tmp + " to " + target);
        }
        fs.delete(tmp, false);
        outcomes.add(Outcome.shard(name, shard.quads));
      }
    } catch (IOException | RuntimeException e) {
      shard.abort();
      throw e;
    }
    return outcomes.iterator();
  }

  private void readTextFile(FileSystem fs, Item it, ArticleReader reader,
      ArticleReader.Listener listener, List<Outcome> outcomes) {
    Path p = new Path(it.path());
    try {
      FileSystem pfs = p.getFileSystem(conf.get());
      FileStatus st = pfs.getFileStatus(p);
      if (st.getLen() > maxBytes) {
        outcomes.add(Outcome.problem(Diagnostic.error(it.source(), 0, "file is " + st.getLen()
            + " bytes, over the limit of " + maxBytes + " bytes per article")));
        return;
      }
      byte[] bytes = new byte[(int) st.getLen()];
      try (FSDataInputStream in = pfs.open(p)) {
        in.readFully(0, bytes);
      }
      reader.readText(bytes, it.source(), p.getName(), listener);
    } catch (IOException e) {
      outcomes.add(Outcome.problem(Diagnostic.error(it.source(), 0, "cannot read: " + e.getMessage())));
    }
  }

  /** The shard being written, opened with the first quad. */
  private final class Shard {
    final FileSystem fs;
    final Path path;
    OutputStream out;
    StreamRDF writer;
    long quads;

    Shard(FileSystem fs, Path path) {
      this.fs = fs;
      this.path = path;
    }

    void write(List<Quad> qs) {
      try {
        if (writer == null) {
          OutputStream o = fs.create(path, true);
          out = gzip ? new GZIPOutputStream(o, 1 << 16) : new BufferedOutputStream(o, 1 << 16);
          writer = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
          writer.start();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
      }
      for (Quad q : qs) {
        writer.quad(q);
      }
      quads += qs.size();
    }

    /** Completes the file; false when nothing was written. */
    boolean close() throws IOException {
      if (writer == null) {
        return false;
      }
      writer.finish();
      out.close();
      return true;
    }

    void abort() {
      try {
        if (out != null) {
          out.close();
        }
        fs.delete(path, false);
      } catch (IOException | RuntimeException e) {
        // the job's end removes _temporary/ anyway
      }
    }
  }
}
