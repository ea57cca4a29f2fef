package org.newsgraph.extract;

import java.util.Objects;

/**
 * A stretch of a sentence that names or describes an entity.
 *
 * @param sentence index of the sentence
 * @param from first token index in the sentence
 * @param to token index after the last
 * @param start article offset of the first character
 * @param end article offset after the last character
 * @param text the words as written
 * @param entity what it refers to
 * @param kind how it refers
 * @param rule the rule or gazetteer row that made it
 */
public record Mention(int sentence, int from, int to, int start, int end, String text, Entity entity,
    Kind kind, String rule) {

  /** How a mention refers to its entity. */
  public enum Kind {
    /** A name of the entity ("Vladimir Poutine", "Cédéao"). */
    NAME,
    /** A description resolved to the office holder ("le président russe"). */
    ROLE,
    /** A country named through a demonym ("la partie malienne"). */
    DEMONYM,
    /** A place or building standing for an actor ("Moscou", "le Kremlin"). */
    METONYM,
    /** A group described, not named ("les militaires au pouvoir à Niamey", "des jihadistes"). */
    GROUP,
    /** A phrase referring back ("les deux dirigeants", "son homologue"). */
    ANAPHOR
  }

  public Mention {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(kind, "kind");
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("bad mention tokens [" + from + ", " + to + ")");
    }
  }

  public Mention withEntity(Entity e, Kind k, String why) {
    return new Mention(sentence, from, to, start, end, text, e, k, rule + ";" + why);
  }
}
