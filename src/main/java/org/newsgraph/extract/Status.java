package org.newsgraph.extract;

/** Whether an event happened, as the text tells it. Only {@link #OCCURRED} asserts it. */
public enum Status {
  OCCURRED("Occurred"), PLANNED("Planned"), HYPOTHETICAL("Hypothetical"), DENIED("Denied"),
  HABITUAL("Habitual"), ALLEGED("Alleged");

  private final String localName;

  Status(String localName) {
    this.localName = localName;
  }

  /** Local name of the ontology individual, e.g. "Occurred". */
  public String localName() {
    return localName;
  }
}
