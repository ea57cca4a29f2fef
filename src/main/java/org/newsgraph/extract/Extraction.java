package org.newsgraph.extract;

import java.util.List;
import org.newsgraph.article.Article;
import org.newsgraph.text.Sentence;

/**
 * All that was read from one article: sentences, mentions, the entities mentioned and events.
 */
public record Extraction(Article article, List<Sentence> sentences, List<Mention> mentions,
    List<Entity> entities, List<Event> events) {

  public Extraction {
    sentences = List.copyOf(sentences);
    mentions = List.copyOf(mentions);
    entities = List.copyOf(entities);
    events = List.copyOf(events);
  }
}
