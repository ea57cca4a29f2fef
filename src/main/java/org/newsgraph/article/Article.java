package org.newsgraph.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One news article as read: its body text and what is known about it.
 *
 * @param id stable identifier (file name without extension, or the JSON {@code id})
 * @param published publication date, as precise as the source says; may be null
 * @param title headline, or null
 * @param text the body; evidence offsets count UTF-16 code units into this string
 * @param url the article's address, or null
 * @param lang BCP 47 language tag ("fr")
 * @param source where it was read from ("seeds/a.txt", "feed.jsonl:12")
 * @param sha256 hex digest of {@code text} in UTF-8
 */
public record Article(
    String id, PartialDate published, String title, String text, String url, String lang,
    String source, String sha256) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  public Article {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "article id must be 1-200 letters, digits, '.', '_' or '-' and start with a letter or digit: '"
              + id + "'");
    }
    Objects.requireNonNull(text, "text");
    lang = lang == null || lang.isBlank() ? "fr" : lang;
    source = source == null ? id : source;
    sha256 = sha256 == null ? sha256(text) : sha256;
  }

  /** An article with the digest computed from the text. */
  public static Article of(String id, PartialDate published, String title, String text, String url,
      String lang, String source) {
    return new Article(id, published, title, text, url, lang, source, null);
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
