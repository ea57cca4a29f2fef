package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.newsgraph.article.Article;
import org.newsgraph.article.PartialDate;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.text.FrenchAnalyzer;
import org.newsgraph.text.Sentence;

/**
 * Reads one French article into an {@link Extraction}: analyse, recognise, resolve, extract.
 * Pure: no files, no logging; safe to share between threads.
 *
 * <pre>{@code
 * Extractor x = new Extractor(Gazetteer.bundled(), Lexicon.bundled());
 * Extraction result = x.extract(article);
 * }</pre>
 */
public final class Extractor {

  private final FrenchAnalyzer analyzer = new FrenchAnalyzer(new org.newsgraph.text.PosTagger());
  private final Gazetteer kb;
  private final Lexicon lexicon;

  public Extractor(Gazetteer kb, Lexicon lexicon) {
    Objects.requireNonNull(kb, "kb");
    Objects.requireNonNull(lexicon, "lexicon");
    this.kb = kb;
    this.lexicon = lexicon;
  }

  /**
   * The date relative expressions are read against: the publication date when known to the day,
   * else the dateline's date ("BAMAKO, 28 août (AFP)"), else the publication date as it is.
   */
  static PartialDate referenceDate(Article article) {
    PartialDate pub = article.published();
    if (pub != null && pub.precision() == PartialDate.Precision.DAY) {
      return pub;
    }
    PartialDate dateline = Dateline.find(article.text(), pub);
    return dateline != null ? dateline : pub;
  }

  public Extraction extract(Article article) {
    List<Sentence> sentences = analyzer.analyse(article.text());
    if (!article.lang().toLowerCase(java.util.Locale.ROOT).startsWith("fr")) {
      return new Extraction(article, sentences, List.of(), List.of(), List.of());
    }
    PartialDate reference = referenceDate(article);
    List<Mention> mentions = new Recognizer(kb, lexicon).recognise(sentences, reference, article.id());
    List<Event> found = new EventExtractor(kb, lexicon).extract(sentences, mentions, reference, Dateline.end(article.text()));
    Map<String, Entity> entities = new LinkedHashMap<>();
    for (Mention m : mentions) {
      entities.putIfAbsent(m.entity().key(), m.entity());
    }
    for (Event e : found) {
      List<Entity> all = new ArrayList<>(e.participants());
      if (e.place() != null) {
        all.add(e.place());
      }
      if (e.reportedBy() != null) {
        all.add(e.reportedBy());
      }
      for (Entity x : all) {
        entities.putIfAbsent(x.key(), x);
      }
    }
    return new Extraction(article, sentences, mentions, List.copyOf(entities.values()), found);
  }
}
