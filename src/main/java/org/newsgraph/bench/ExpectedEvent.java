package org.newsgraph.bench;

import java.util.List;
import java.util.Objects;
import org.newsgraph.extract.EventClass;
import org.newsgraph.extract.Status;

/**
 * An event a generated article states, written beside the corpus so that the extraction can be
 * scored against it.
 *
 * @param article the article id
 * @param type the event class
 * @param status the status the text gives it
 * @param participants the actors, each as its Wikidata id ("Q7747") or, lacking one, its French
 *     name; sorted
 * @param initiator the actor the text names as initiator (same form), or null
 * @param date the date as precise as the text says ("2023-09-10", "2023-09"), or null
 * @param template the id of the template that wrote the sentence, for diagnosing misses
 */
public record ExpectedEvent(String article, EventClass type, Status status, List<String> participants,
    String initiator, String date, String template) {

  public ExpectedEvent {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    participants = participants.stream().sorted().toList();
    Objects.requireNonNull(template, "template");
    if (initiator != null && !participants.contains(initiator)) {
      throw new IllegalArgumentException("initiator " + initiator + " is not among " + participants);
    }
  }

  /** One JSON object, keys in a fixed order. */
  public String toJson() {
    StringBuilder b = new StringBuilder(160);
    b.append("{\"article\":").append(Json.quote(article))
        .append(",\"class\":").append(Json.quote(type.localName()))
        .append(",\"status\":").append(Json.quote(status.localName()))
        .append(",\"participants\":[");
    for (int i = 0; i < participants.size(); i++) {
      b.append(i == 0 ? "" : ",").append(Json.quote(participants.get(i)));
    }
    b.append("],\"initiator\":").append(initiator == null ? "null" : Json.quote(initiator))
        .append(",\"date\":").append(date == null ? "null" : Json.quote(date))
        .append(",\"template\":").append(Json.quote(template)).append('}');
    return b.toString();
  }
}
