package org.newsgraph.export;

import java.util.Map;

/** Colours by class, shared by the writers that carry styling (yEd GraphML, DOT, GEXF viz). */
final class Palette {

  private Palette() {}

  private static final Map<String, String> NODE = Map.ofEntries(
      Map.entry("Person", "#4E79A7"), Map.entry("Organization", "#F28E2B"),
      Map.entry("Country", "#59A14F"), Map.entry("City", "#76B7B2"),
      Map.entry("Region", "#EDC948"), Map.entry("River", "#9C755F"),
      Map.entry("Place", "#B6992D"), Map.entry("Actor", "#BAB0AC"));

  private static final Map<String, String> EDGE = Map.ofEntries(
      Map.entry("PhoneCall", "#E15759"), Map.entry("Meeting", "#B07AA1"),
      Map.entry("Visit", "#FF9DA7"), Map.entry("Interaction", "#D37295"),
      Map.entry("Statement", "#79706E"), Map.entry("Accusation", "#8CD17D"),
      Map.entry("Threat", "#F1CE63"), Map.entry("Condolence", "#86BCB6"),
      Map.entry("Thanks", "#A0CBE8"), Map.entry("Support", "#59A14F"),
      Map.entry("Attack", "#D4A6C8"), Map.entry("Coup", "#9D7660"),
      Map.entry("Vote", "#499894"), Map.entry("Sanction", "#FABFD2"),
      Map.entry("Agreement", "#4E79A7"), Map.entry("Appeal", "#B6992D"),
      Map.entry("Denial", "#BAB0AC"));

  /** Fill colour of a node ({@code #RRGGBB}). */
  static String node(Network.Node n) {
    if (n.kind() == Network.Kind.EVENT) {
      return edge(n.cls());
    }
    return NODE.getOrDefault(n.cls(), "#BAB0AC");
  }

  /** Colour of an event class ({@code #RRGGBB}). */
  static String edge(String cls) {
    return EDGE.getOrDefault(cls, "#666666");
  }

  static int[] rgb(String hex) {
    int v = Integer.parseInt(hex.substring(1), 16);
    return new int[] {(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF};
  }
}
