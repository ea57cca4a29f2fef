package org.newsgraph.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Generated inputs for the reliability tests: small French articles written from a few templates
 * of our own (varied leaders, places, dates), random strings built from French words, names and
 * punctuation, and the large hostile files that are not worth keeping in the repository.
 */
final class Corpus {

  private Corpus() {}

  static final String[] LEADERS = {
      "le président français Emmanuel Macron", "le président russe Vladimir Poutine",
      "le président chinois Xi Jinping", "le président américain Joe Biden",
      "le chancelier allemand Olaf Scholz", "le président ukrainien Volodymyr Zelensky",
      "le président de la transition malienne Assimi Goïta", "le président turc Recep Tayyip Erdogan",
      "le Premier ministre indien Narendra Modi", "le président sénégalais Macky Sall",
      "le président égyptien Abdel Fattah al-Sissi", "le roi du Maroc Mohammed VI",
      "le président brésilien Luiz Inacio Lula da Silva", "le Premier ministre britannique Rishi Sunak"};
  static final String[] PLACES = {"Paris", "Moscou", "Pékin", "Washington", "Berlin", "Kiev", "Bamako",
      "Ankara", "New Delhi", "Dakar", "Le Caire", "Rabat", "Brasilia", "Londres", "Niamey", "Genève"};
  static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"};
  static final String[] DAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  static final String[] TEMPLATES = {
      "%1$s et %2$s ont eu un entretien téléphonique %3$s, a annoncé la présidence.",
      "%1$s a reçu %2$s à %4$s %3$s pour évoquer la coopération économique.",
      "%1$s s'est rendu à %4$s %3$s, où il a rencontré %2$s.",
      "%1$s a accusé %2$s de vouloir déstabiliser la région, selon un communiqué publié %3$s.",
      "%1$s a remercié %2$s pour son soutien lors du vote au Conseil de sécurité.",
      "%1$s a appelé %2$s %3$s pour lui présenter ses condoléances après l'attaque de %4$s.",
      "Une attaque a fait au moins %5$d morts %3$s près de %4$s, a indiqué l'armée.",
      "%1$s pourrait rencontrer %2$s à %4$s le mois prochain, selon des sources diplomatiques.",
      "%1$s a démenti avoir parlé avec %2$s %3$s.",
      "Les deux dirigeants ont évoqué la situation à %4$s, selon la même source."};
  static final String[] WORDS = ("le la les un une des du de à au aux et ou mais donc or ni car que qui quoi "
      + "président ministre gouvernement armée attaque entretien téléphonique appel rencontre visite accord "
      + "sommet sanctions vote Conseil sécurité condoléances soutien menace accusation coup d'Etat hier "
      + "aujourd'hui demain mardi dimanche septembre 2023 2024 a ont été sera pourrait aurait appelé rencontré "
      + "reçu accusé menacé remercié démenti soutenu condamné annoncé selon source porte-parole homologue "
      + "russe français malien chinois américain ukrainien sénégalais ONU Cédéao OTAN UE M. Mme l' d' qu' n' "
      + "ne pas jamais plus très tout tous cette ces son sa ses leur leurs").split(" ");
  static final String[] NAMES = {"Emmanuel Macron", "Vladimir Poutine", "Macron", "Poutine", "Xi Jinping",
      "Joe Biden", "Assimi Goïta", "Goïta", "Olaf Scholz", "Volodymyr Zelensky", "Antonio Guterres",
      "Jean Dupont", "Marie Curie", "Élisabeth Borne", "Abdourahamane Tiani", "Mohamed Bazoum",
      "Paris", "Niamey", "Bamako", "Kiev", "Moscou", "la France", "la Russie", "le Mali", "le Niger",
      "l'Elysée", "le Kremlin", "Wagner", "Hamas", "Washington"};
  static final String[] PUNCT = {".", ",", ";", ":", "!", "?", "…", "«", "»", "« ", " »", "\"", "“", "”",
      "(", ")", "[", "]", "-", "–", "—", "'", "’", "/", "%", "€", "\n", "\n\n", "  ", "\u00a0", "\u202f",
      "\u200b", "0", "1", "12", "1er", "31", "2023", "1 000", "3,5", "-7", "99999999999999999999"};

  /** The date of article i (varied days of 2023-2024). */
  static String date(Random r) {
    return String.format("%04d-%02d-%02d", 2023 + r.nextInt(2), 1 + r.nextInt(12), 1 + r.nextInt(28));
  }

  /** A small French article: 2 to 5 sentences from the templates. */
  static String article(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 2 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String a = LEADERS[r.nextInt(LEADERS.length)];
      String b = LEADERS[r.nextInt(LEADERS.length)];
      while (b.equals(a)) {
        b = LEADERS[r.nextInt(LEADERS.length)];
      }
      String when = r.nextBoolean() ? DAYS[r.nextInt(7)] + " " + (1 + r.nextInt(28)) + " " + MONTHS[r.nextInt(12)]
          : DAYS[r.nextInt(7)];
      String s = String.format(TEMPLATES[r.nextInt(TEMPLATES.length)], a, b, when,
          PLACES[r.nextInt(PLACES.length)], 2 + r.nextInt(200));
      sb.append(Character.toUpperCase(s.charAt(0))).append(s, 1, s.length());
      sb.append(i % 2 == 1 ? "\n\n" : " ");
    }
    return sb.toString().strip();
  }

  /** Writes n articles as JSON Lines, ids "gen-00000"...; returns the ids in order. */
  static List<String> writeJsonl(Path file, int n, long seed) throws IOException {
    Random r = new Random(seed);
    List<String> ids = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        JsonObject o = new JsonObject();
        String id = String.format("gen-%05d", i);
        o.put("id", id);
        o.put("date", date(r));
        o.put("title", "Article " + i);
        o.put("text", article(r));
        o.put("lang", "fr");
        w.write(o.toString().replace('\n', ' '));
        w.write('\n');
        ids.add(id);
      }
    }
    return ids;
  }

  /** A random string of French words, names, numbers and punctuation. */
  static String fuzz(Random r) {
    int n = 1 + r.nextInt(r.nextInt(20) == 0 ? 300 : 25);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(10);
      String piece = k < 5 ? WORDS[r.nextInt(WORDS.length)] : k < 7 ? NAMES[r.nextInt(NAMES.length)]
          : k < 9 ? PUNCT[r.nextInt(PUNCT.length)] : randomChars(r);
      if (r.nextInt(8) == 0) {
        piece = piece.toUpperCase(java.util.Locale.ROOT);
      }
      sb.append(piece);
      if (r.nextInt(4) != 0) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  private static String randomChars(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      int cp;
      do {
        cp = switch (r.nextInt(4)) {
          case 0 -> 0x20 + r.nextInt(0x5f);
          case 1 -> 0xa0 + r.nextInt(0x200);
          case 2 -> 0x2000 + r.nextInt(0x70);
          default -> r.nextInt(0x30000);
        };
      } while (!Character.isValidCodePoint(cp) || Character.getType(cp) == Character.SURROGATE
          || Character.getType(cp) == Character.UNASSIGNED || cp == 0);
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  /** Random bytes. */
  static byte[] randomBytes(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** A text article of about {@code bytes} bytes: French sentences, paragraphs every few. */
  static void writeBigArticle(Path file, long bytes, long seed) throws IOException {
    Random r = new Random(seed);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      long written = 0;
      byte[] header = " date 2024-03-05\n\n".getBytes(StandardCharsets.UTF_8);
      out.write(header);
      written += header.length;
      while (written < bytes) {
        byte[] b = (article(r) + "\n\n").getBytes(StandardCharsets.UTF_8);
        out.write(b);
        written += b.length;
      }
    }
  }

  /** One JSON line of about {@code chars} characters of text, and nothing else in the file. */
  static void writeHugeJsonLine(Path file, long chars) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"id\":\"huge\",\"date\":\"2024-03\",\"text\":\"");
      String chunk = "Le président a appelé son homologue. ";
      for (long n = 0; n < chars; n += chunk.length()) {
        w.write(chunk);
      }
      w.write("\"}\n{\"id\":\"after-huge\",\"date\":\"2024-03\",\"text\":\"Le ministre a parlé.\"}\n");
    }
  }
}
