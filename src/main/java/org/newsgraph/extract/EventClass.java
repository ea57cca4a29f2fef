package org.newsgraph.extract;

/**
 * The event classes of the ontology, with their CAMEO code and PLOVER category where one exists.
 */
public enum EventClass {
  INTERACTION("Interaction", "040", "CONSULT"),
  PHONE_CALL("PhoneCall", "041", "CONSULT"),
  MEETING("Meeting", "040", "CONSULT"),
  VISIT("Visit", "042", "CONSULT"),
  STATEMENT("Statement", "010", null),
  APPEAL("Appeal", "020", "REQUEST"),
  ACCUSATION("Accusation", "112", "ACCUSE"),
  THREAT("Threat", "138", "THREATEN"),
  CONDOLENCE("Condolence", "018", null),
  THANKS("Thanks", "051", "SUPPORT"),
  SUPPORT("Support", "051", "SUPPORT"),
  ATTACK("Attack", "190", "ASSAULT"),
  COUP("Coup", null, null),
  VOTE("Vote", null, null),
  SANCTION("Sanction", "163", "SANCTION"),
  AGREEMENT("Agreement", "057", "AGREE"),
  DENIAL("Denial", null, null);

  private final String localName;
  private final String cameo;
  private final String plover;

  EventClass(String localName, String cameo, String plover) {
    this.localName = localName;
    this.cameo = cameo;
    this.plover = plover;
  }

  /** Local name of the ontology class, e.g. "PhoneCall". */
  public String localName() {
    return localName;
  }

  /** CAMEO code as a string ("041"), or null. */
  public String cameo() {
    return cameo;
  }

  /** PLOVER category, or null. */
  public String plover() {
    return plover;
  }

  /** Calls, meetings, visits and interactions of unstated medium. */
  public boolean isInteraction() {
    return this == INTERACTION || this == PHONE_CALL || this == MEETING || this == VISIT;
  }

  /** Parses a local name ("PhoneCall") or an enum name ("PHONE_CALL"). */
  public static EventClass parse(String s) {
    for (EventClass c : values()) {
      if (c.localName.equalsIgnoreCase(s) || c.name().equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown event class '" + s + "'");
  }
}
