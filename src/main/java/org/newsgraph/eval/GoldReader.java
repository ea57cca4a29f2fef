package org.newsgraph.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.AtlasException;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Reads gold files (one JSON object per article, in the format of the evaluation set's README)
 * with Jena's JSON parser.
 *
 * <p>Fields are read with the leniency of the reference scorer: an empty string or {@code null}
 * is "not given", and {@code resolvable_from_header} is true only when it is truthy. A field of
 * the wrong kind (a number where a name is expected) is an error.
 *
 * <pre>{@code
 * Gold g = new GoldReader().read(Path.of("gold/01.json"));
 * }</pre>
 */
public final class GoldReader {

  /** A gold file that is not what the format says. */
  public static final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
      super(message);
    }
  }

  /** Reads the gold file; its name without {@code .json} names the article. */
  public Gold read(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new FormatException(file + ": not UTF-8 text");
    }
    try {
      return parse(name, text);
    } catch (FormatException e) {
      throw new FormatException(file + ": " + e.getMessage());
    }
  }

  /** Parses the text of a gold file. */
  public Gold parse(String name, String json) throws FormatException {
    JsonValue v;
    try {
      v = JSON.parseAny(json);
    } catch (JsonException | AtlasException e) {
      throw new FormatException("malformed JSON: " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      // the parser fails this way on some truncated input
      throw new FormatException("malformed JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (!v.isObject()) {
      throw new FormatException("expected a JSON object");
    }
    JsonObject o = v.getAsObject();
    List<Gold.Entity> actors = new ArrayList<>();
    for (JsonObject a : objects(o, "actors", false)) {
      actors.add(entity(a, "actors"));
    }
    List<Gold.Entity> places = new ArrayList<>();
    for (JsonObject p : objects(o, "places", false)) {
      places.add(entity(p, "places"));
    }
    List<Gold.Event> events = new ArrayList<>();
    int i = 0;
    for (JsonObject e : objects(o, "events", true)) {
      events.add(event(e, "events[" + i++ + "]"));
    }
    return new Gold(name, actors, places, events);
  }

  private static Gold.Entity entity(JsonObject o, String where) throws FormatException {
    String id = required(o, "id", where);
    String at = where + " '" + id + "'";
    return new Gold.Entity(id, required(o, "canonical", at), string(o, "type", at),
        string(o, "wikidata", at), identifier(o, "geonames", at), strings(o, "surface_forms", at));
  }

  private static Gold.Event event(JsonObject o, String where) throws FormatException {
    return new Gold.Event(required(o, "type", where), required(o, "status", where),
        strings(o, "participants", where), string(o, "initiator", where),
        strings(o, "initiator_alternatives", where), string(o, "date", where),
        truthy(o.get("resolvable_from_header")));
  }

  private static List<JsonObject> objects(JsonObject o, String key, boolean required)
      throws FormatException {
    JsonValue v = o.get(key);
    List<JsonObject> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      if (required) {
        throw new FormatException("missing \"" + key + "\"");
      }
      return out;
    }
    if (!v.isArray()) {
      throw new FormatException("\"" + key + "\" must be an array");
    }
    JsonArray a = v.getAsArray();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isObject()) {
        throw new FormatException(key + "[" + i + "] must be an object");
      }
      out.add(a.get(i).getAsObject());
    }
    return out;
  }

  private static String required(JsonObject o, String key, String where) throws FormatException {
    String s = string(o, key, where);
    if (s == null) {
      throw new FormatException(where + ": missing \"" + key + "\"");
    }
    return s;
  }

  /** A string field; null when absent, null or empty. */
  private static String string(JsonObject o, String key, String where) throws FormatException {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new FormatException(where + ": \"" + key + "\" must be a string, not " + v);
    }
    String s = v.getAsString().value();
    return s.isEmpty() ? null : s;
  }

  /** An identifier written as a string or as a whole number. */
  private static String identifier(JsonObject o, String key, String where) throws FormatException {
    JsonValue v = o.get(key);
    if (v != null && v.isNumber()) {
      Number n = v.getAsNumber().value();
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new FormatException(where + ": \"" + key + "\" must be a whole number, not " + v);
      }
      return Long.toString(n.longValue());
    }
    return string(o, key, where);
  }

  /** A list of strings; empty when absent or null. */
  private static List<String> strings(JsonObject o, String key, String where) throws FormatException {
    JsonValue v = o.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new FormatException(where + ": \"" + key + "\" must be an array of strings");
    }
    for (JsonValue x : v.getAsArray()) {
      if (!x.isString()) {
        throw new FormatException(where + ": \"" + key + "\" must hold strings, not " + x);
      }
      out.add(x.getAsString().value());
    }
    return out;
  }

  /** Truth as the reference scorer sees it: false, null, 0, "" and empty containers are false. */
  private static boolean truthy(JsonValue v) {
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.getAsBoolean().value();
    }
    if (v.isNumber()) {
      return v.getAsNumber().value().doubleValue() != 0;
    }
    if (v.isString()) {
      return !v.getAsString().value().isEmpty();
    }
    if (v.isArray()) {
      return !v.getAsArray().isEmpty();
    }
    return !v.getAsObject().isEmpty();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
