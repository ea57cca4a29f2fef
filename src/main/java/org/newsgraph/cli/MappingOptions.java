package org.newsgraph.cli;

import java.time.Duration;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.rdf.NG;
import picocli.CommandLine.Option;

/**
 * The options of the commands that turn articles into RDF ({@code build}, and the Spark job of the
 * {@code spark/} module): the base IRI, and the size and time limits of one article.
 */
public final class MappingOptions {

  @Option(names = "--base", paramLabel = "IRI", defaultValue = NG.DEFAULT_BASE,
      description = "Base IRI of the data (default: ${DEFAULT-VALUE}).")
  public String base;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + ArticleReader.DEFAULT_MAX_BYTES,
      description = "Size limit of one article in bytes (default: ${DEFAULT-VALUE}).")
  public int maxBytes;

  @Option(names = "--article-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Time limit for extracting one article; a slower article is reported as an error"
          + " and skipped (default: ${DEFAULT-VALUE}; 0: none).")
  public double articleTimeout;

  /** The time limit of one article; zero for none. */
  public Duration articleTimeLimit() {
    return Duration.ofMillis(Math.round(Math.max(0, articleTimeout) * 1000));
  }
}
