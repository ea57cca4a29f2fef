package org.newsgraph.extract;

import java.util.List;
import java.util.Objects;
import org.newsgraph.article.PartialDate;

/**
 * An event read from an article, with its roles, time, place, status and evidence.
 *
 * @param type the class
 * @param status whether it happened, as the text says
 * @param participants every actor taking part (initiator and target included)
 * @param initiator the actor who initiated it, or null
 * @param target the actor acted upon, or null
 * @param date when, as precise as the text says; null when the text does not say
 * @param dateExpression the words that gave the date, or null
 * @param place where, or null
 * @param topics what it was about, as French phrases of the text
 * @param reportedBy the source the article attributes it to, or null
 * @param casualties deaths reported, or null
 * @param evidence the sentences it was read from (several after merging)
 * @param partOf index of the event this one took place during, or -1
 */
public record Event(EventClass type, Status status, List<Entity> participants, Entity initiator,
    Entity target, PartialDate date, String dateExpression, Entity place, List<String> topics,
    Entity reportedBy, Casualties casualties, List<Evidence> evidence, int partOf) {

  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    participants = List.copyOf(participants);
    topics = List.copyOf(topics);
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("an event needs evidence: " + type);
    }
    if (initiator != null && !participants.contains(initiator)) {
      throw new IllegalArgumentException("initiator " + initiator + " is not a participant");
    }
    if (target != null && !participants.contains(target)) {
      throw new IllegalArgumentException("target " + target + " is not a participant");
    }
  }

  /** Deaths reported for an attack. */
  public record Casualties(Integer killed, Integer civilians, Integer military, boolean minimum) {}

  /**
   * Where a fact was read: a sentence of the article, the trigger words and the rule.
   *
   * @param sentence sentence index
   * @param start article offset of the sentence
   * @param end article offset after the sentence
   * @param text the sentence
   * @param trigger the words that triggered the event
   * @param rules ids of the lexicon entries and rules that produced it
   */
  public record Evidence(int sentence, int start, int end, String text, String trigger,
      List<String> rules) {
    public Evidence {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("bad evidence span [" + start + ", " + end + ")");
      }
      rules = List.copyOf(rules);
    }
  }
}
