package org.newsgraph.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.newsgraph.extract.EventClass;
import org.newsgraph.extract.Status;
import org.newsgraph.kb.EntityType;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.kb.KbEntity;
import org.newsgraph.kb.Office;

/**
 * Writes realistic French news articles from the gazetteer: real countries, the leaders in office
 * on the article's date, organisations and cities, put into sentences of varied templates (calls
 * with and without initiator, received calls, meetings, visits, statements, attacks with
 * casualties, accusations, threats, votes; planned, denied and hypothetical calls), with the
 * events each article states recorded beside it.
 *
 * <p>Deterministic: article {@code i} depends only on the seed and {@code i}, so the first 200
 * articles of a 100,000-article corpus are the 200 articles of a 200-article corpus.
 *
 * <pre>{@code
 * CorpusGenerator g = new CorpusGenerator(Gazetteer.bundled(), 42);
 * g.generate(10_000, article -> ...);
 * }</pre>
 */
public final class CorpusGenerator {

  /** First and last publication days of generated articles. */
  static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
  static final LocalDate LAST = LocalDate.of(2025, 6, 30);

  private static final Set<String> ROLES = Set.of("head_of_state", "head_of_government",
      "foreign_minister");
  private static final List<String> ORGANISATIONS = List.of("ecowas", "african_union",
      "european_union", "nato", "un", "arab_league", "g5_sahel", "aes");
  private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin",
      "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
  private static final String[] WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi",
      "samedi", "dimanche"};

  private final Gazetteer kb;
  private final long seed;
  private final List<Holder> holders = new ArrayList<>();
  private final List<KbEntity> organisations = new ArrayList<>();
  private final List<KbEntity> cities = new ArrayList<>();
  /** The cities of each country, in the order of {@link #cities}. */
  private final java.util.Map<String, List<KbEntity>> citiesOf = new java.util.HashMap<>();

  /** A term of office with its holder and country. */
  record Holder(KbEntity person, Office office, KbEntity country) {}

  public CorpusGenerator(Gazetteer kb, long seed) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.seed = seed;
    for (KbEntity e : kb.all()) {
      if (e.type() == EntityType.PERSON) {
        for (Office o : kb.officesOf(e.id())) {
          KbEntity c = kb.get(o.country()).orElse(null);
          if (ROLES.contains(o.role()) && c != null && c.qid() != null) {
            holders.add(new Holder(e, o, c));
          }
        }
      } else if (e.type() == EntityType.CITY && e.country() != null) {
        cities.add(e);
        citiesOf.computeIfAbsent(e.country(), k -> new ArrayList<>()).add(e);
      }
    }
    ORGANISATIONS.forEach(id -> kb.get(id).ifPresent(organisations::add));
    if (holders.size() < 4 || cities.isEmpty() || organisations.isEmpty()) {
      throw new IllegalArgumentException("the gazetteer has too few office holders, cities or "
          + "organisations to write articles from (" + holders.size() + " offices)");
    }
  }

  /** Writes articles 0 .. n-1 to the consumer, in order. */
  public void generate(int n, Consumer<GeneratedArticle> out) {
    for (int i = 0; i < n; i++) {
      out.accept(article(i));
    }
  }

  /** Article number {@code i}. */
  public GeneratedArticle article(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("article number must be >= 0: " + i);
    }
    return new Writer(i).write();
  }

  /** Writes one article; holds the per-article state. */
  private final class Writer {
    final SplittableRandom rnd;
    final String id;
    final LocalDate date;
    final List<String> paragraphs = new ArrayList<>();
    final List<ExpectedEvent> expected = new ArrayList<>();
    final List<KbEntity> used = new ArrayList<>();
    /** Office holders in office on the article's date and the week before. */
    private List<Holder> inOffice;
    String title;

    Writer(int i) {
      this.rnd = new SplittableRandom(mix(seed, i));
      this.id = String.format("gen%s-%07d", seed < 0 ? "m" + (-seed) : Long.toString(seed), i);
      long span = LAST.toEpochDay() - FIRST.toEpochDay();
      this.date = FIRST.plusDays(rnd.nextLong(span + 1));
    }

    GeneratedArticle write() {
      int events = 1 + rnd.nextInt(3);
      for (int k = 0; k < events; k++) {
        if (rnd.nextInt(100) < 5) {
          paragraphs.add(filler());
        }
        event(k == 0);
        if (rnd.nextInt(100) < 60) {
          paragraphs.add(filler() + " " + filler());
        }
      }
      return new GeneratedArticle(id, date, title, String.join("\n\n", paragraphs), expected);
    }

    void event(boolean first) {
      int r = rnd.nextInt(100);
      if (r < 40) {
        call(first);
      } else if (r < 50) {
        meeting(first);
      } else if (r < 56) {
        visit(first);
      } else if (r < 64) {
        statement(first);
      } else if (r < 76) {
        attack(first);
      } else if (r < 86) {
        accusation(first);
      } else if (r < 93) {
        threat(first);
      } else {
        vote(first);
      }
    }

    // ---- the templates

    void call(boolean first) {
      Holder[] p = pair();
      if (p == null) {
        statement(first);
        return;
      }
      String a = name(p[0]);
      String b = name(p[1]);
      String qa = ref(p[0].person());
      String qb = ref(p[1].person());
      int t = rnd.nextInt(100);
      if (t < 62) {
        Day d = pastDay();
        String s;
        String template;
        String initiator;
        switch (rnd.nextInt(6)) {
          case 0 -> {
            s = cap(a) + " a appelé " + b + " " + d.words + ".";
            template = "call.appeler";
            initiator = qa;
          }
          case 1 -> {
            s = cap(b) + " a reçu " + d.words + " un appel téléphonique " + de(a) + ".";
            template = "call.recu-appel";
            initiator = qa;
          }
          case 2 -> {
            s = cap(a) + " s'est entretenu au téléphone avec " + b + " " + d.words + ".";
            template = "call.entretenu-au-telephone";
            initiator = null;
          }
          case 3 -> {
            s = cap(a) + " et " + b + " se sont entretenus par téléphone " + d.words + ".";
            template = "call.se-sont-entretenus";
            initiator = null;
          }
          case 4 -> {
            s = "Un entretien téléphonique a réuni " + d.words + " " + a + " et " + b + ".";
            template = "call.entretien-telephonique";
            initiator = null;
          }
          default -> {
            s = cap(a) + " a téléphoné " + to(b) + " " + d.words + ".";
            template = "call.telephoner";
            initiator = qa;
          }
        }
        if (rnd.nextBoolean()) {
          s = s.substring(0, s.length() - 1) + ", " + source() + ".";
        }
        add(s + " " + topic(), EventClass.PHONE_CALL, Status.OCCURRED, List.of(qa, qb), initiator,
            d.iso, template);
        title(first, "Entretien téléphonique entre " + p[0].person().nameFr() + " et "
            + p[1].person().nameFr());
      } else if (t < 76) {
        Day d = futureDay();
        boolean doit = rnd.nextBoolean();
        String s = doit
            ? cap(a) + " doit s'entretenir par téléphone avec " + b + " " + d.words + "."
            : "Un entretien téléphonique entre " + a + " et " + b + " est prévu " + d.words + ".";
        add(s, EventClass.PHONE_CALL, Status.PLANNED, List.of(qa, qb), null, d.iso,
            doit ? "call.planned.doit" : "call.planned.est-prevu");
        title(first, "Un appel attendu entre " + p[0].person().nameFr() + " et "
            + p[1].person().nameFr());
      } else if (t < 88) {
        String s = "Un porte-parole a démenti tout entretien téléphonique entre " + a + " et " + b
            + ", évoqué par plusieurs médias.";
        add(s, EventClass.PHONE_CALL, Status.DENIED, List.of(qa, qb), null, null, "call.denied");
        title(first, "Pas d'entretien entre " + p[0].person().nameFr() + " et "
            + p[1].person().nameFr());
      } else {
        String s = cap(a) + " pourrait s'entretenir au téléphone avec " + b
            + ", selon une source diplomatique.";
        add(s, EventClass.PHONE_CALL, Status.HYPOTHETICAL, List.of(qa, qb), null, null,
            "call.hypothetical");
        title(first, "Vers un entretien entre " + p[0].person().nameFr() + " et "
            + p[1].person().nameFr());
      }
    }

    void meeting(boolean first) {
      Holder[] p = pair();
      if (p == null) {
        statement(first);
        return;
      }
      KbEntity city = cityOf(p[1].country());
      Day d = pastDay();
      String a = name(p[0]);
      String b = name(p[1]);
      String s = rnd.nextBoolean()
          ? cap(a) + " a rencontré " + b + " " + d.words + " à " + city.nameFr() + "."
          : cap(a) + " et " + b + " se sont réunis " + d.words + " à " + city.nameFr() + ".";
      add(s + " " + topic(), EventClass.MEETING, Status.OCCURRED,
          List.of(ref(p[0].person()), ref(p[1].person())), null, d.iso, "meeting");
      title(first, "Rencontre entre " + p[0].person().nameFr() + " et " + p[1].person().nameFr());
    }

    void visit(boolean first) {
      Holder h = holder();
      KbEntity host = otherCountry(h.country());
      if (h == null || host == null) {
        statement(first);
        return;
      }
      Day d = pastDay();
      String s = cap(name(h)) + " a effectué " + d.words + " une visite officielle "
          + in(host) + ", la première depuis son entrée en fonctions.";
      // The host country is where the visit takes place: a place, not a participant.
      add(s, EventClass.VISIT, Status.OCCURRED, List.of(ref(h.person())), null, d.iso, "visit");
      title(first, h.person().nameFr() + " en visite " + in(host));
    }

    void statement(boolean first) {
      Holder h = holder();
      Day d = pastDay();
      String[] positions = {"favorable à une reprise du dialogue politique",
          "préoccupé par la dégradation de la situation humanitaire",
          "opposé à toute ingérence extérieure",
          "prêt à renforcer la coopération économique avec ses voisins"};
      String s = cap(name(h)) + " s'est dit " + positions[rnd.nextInt(positions.length)] + " "
          + d.words + ".";
      add(s, EventClass.STATEMENT, Status.OCCURRED, List.of(ref(h.person())), null, d.iso,
          "statement.se-dire");
      title(first, "Déclaration de " + h.person().nameFr());
    }

    void attack(boolean first) {
      KbEntity city = cities.get(rnd.nextInt(cities.size()));
      Day d = pastDay();
      int civilians = 1 + rnd.nextInt(40);
      int soldiers = 1 + rnd.nextInt(20);
      String s;
      String template;
      if (rnd.nextBoolean()) {
        s = "Au moins " + (civilians + soldiers) + " personnes, dont " + civilians + " civils et "
            + soldiers + " soldats, ont été tuées dans une attaque près de " + city.nameFr()
            + " " + d.words + ".";
        template = "attack.au-moins";
      } else {
        s = "Une embuscade tendue " + d.words + " près de " + city.nameFr() + " a fait "
            + (civilians + soldiers) + " morts, selon un bilan officiel.";
        template = "attack.embuscade";
      }
      add(s, EventClass.ATTACK, Status.OCCURRED, List.of(), null, d.iso, template);
      title(first, "Attaque meurtrière près de " + city.nameFr());
    }

    void accusation(boolean first) {
      Holder h = holder();
      KbEntity target = otherCountry(h.country());
      if (target == null) {
        statement(first);
        return;
      }
      Day d = pastDay();
      String[] motives = {"de chercher à déstabiliser la région",
          "d'ingérence dans les affaires intérieures de son pays",
          "de violer ses engagements internationaux"};
      String s = cap(name(h)) + " a accusé " + d.words + " " + the(target) + " "
          + motives[rnd.nextInt(motives.length)] + ".";
      add(s, EventClass.ACCUSATION, Status.OCCURRED, List.of(ref(h.person()), ref(target)),
          ref(h.person()), d.iso, "accusation");
      title(first, h.person().nameFr() + " accuse " + the(target));
    }

    void threat(boolean first) {
      KbEntity org = organisations.get(rnd.nextInt(organisations.size()));
      Holder h = holder();
      KbEntity target = h.country();
      Day d = pastDay();
      String s = theOrg(org, true) + " a menacé " + d.words + " " + the(target)
          + " d'une intervention militaire si l'ordre constitutionnel n'était pas rétabli.";
      add(s, EventClass.THREAT, Status.OCCURRED, List.of(ref(org), ref(target)), ref(org), d.iso,
          "threat");
      title(first, theOrg(org, true) + " hausse le ton");
    }

    void vote(boolean first) {
      KbEntity unsc = kb.get("unsc").orElse(null);
      if (unsc == null) {
        statement(first);
        return;
      }
      Day d = pastDay();
      boolean between = rnd.nextBoolean();
      String rest = " une résolution prolongeant de six mois le mandat de ses experts.";
      String s = between
          ? "Le Conseil de sécurité des Nations unies a adopté " + d.words + rest
          : cap(d.words) + ", le Conseil de sécurité des Nations unies a adopté" + rest;
      add(s, EventClass.VOTE, Status.OCCURRED, List.of(ref(unsc)), null, d.iso,
          between ? "vote.resolution.date-between" : "vote.resolution.date-first");
      title(first, "Vote au Conseil de sécurité");
    }

    // ---- pieces

    void add(String paragraph, EventClass type, Status status, List<String> participants,
        String initiator, String day, String template) {
      paragraphs.add(paragraph);
      expected.add(new ExpectedEvent(id, type, status, participants, initiator, day, template));
    }

    void title(boolean first, String t) {
      if (first) {
        title = t;
      }
    }

    /** Two office holders of different countries, in office on the article's date. */
    Holder[] pair() {
      Holder a = holder();
      for (int tries = 0; tries < 20; tries++) {
        Holder b = holder();
        if (!b.country().equals(a.country()) && !b.person().equals(a.person())) {
          return new Holder[] {a, b};
        }
      }
      return null;
    }

    /** An office holder in office on the article's date, not yet used in this article. */
    Holder holder() {
      if (inOffice == null) {
        inOffice = holders.stream()
            .filter(h -> h.office().covers(date) && h.office().covers(date.minusDays(7)))
            .toList();
      }
      List<Holder> now = inOffice;
      for (int tries = 0; tries < 20; tries++) {
        Holder h = now.get(rnd.nextInt(now.size()));
        if (!used.contains(h.person())) {
          used.add(h.person());
          return h;
        }
      }
      return now.get(rnd.nextInt(now.size()));
    }

    KbEntity otherCountry(KbEntity not) {
      for (int tries = 0; tries < 20; tries++) {
        KbEntity c = holders.get(rnd.nextInt(holders.size())).country();
        if (!c.equals(not) && !used.contains(c)) {
          used.add(c);
          return c;
        }
      }
      return null;
    }

    KbEntity cityOf(KbEntity country) {
      List<KbEntity> from = citiesOf.getOrDefault(country.id(), cities);
      return from.get(rnd.nextInt(from.size()));
    }

    /** A person named by full name, or with their title first. */
    String name(Holder h) {
      String full = h.person().nameFr();
      if (rnd.nextInt(100) >= 35) {
        return full;
      }
      String title = titleOf(h.office());
      return title == null ? full : title + " " + full;
    }

    String source() {
      String[] s = {"a indiqué la présidence dans un communiqué", "selon un communiqué officiel",
          "a annoncé le porte-parole du gouvernement", "selon les services de la présidence"};
      return s[rnd.nextInt(s.length)];
    }

    String topic() {
      String[] s = {"Les échanges ont porté sur la coopération économique et la sécurité régionale.",
          "Il a notamment été question de la lutte contre le terrorisme.",
          "La situation humanitaire figurait parmi les sujets abordés.",
          "Les deux parties ont évoqué les questions énergétiques."};
      return s[rnd.nextInt(s.length)];
    }

    String filler() {
      String[] s = {
          "Les prix des denrées alimentaires ont fortement augmenté ces derniers mois.",
          "La saison des pluies a commencé avec plusieurs semaines de retard.",
          "Plusieurs observateurs jugent la situation encore incertaine.",
          "Les marchés financiers ont réagi avec prudence.",
          "L'économie de la région dépend largement de l'agriculture et de l'élevage.",
          "Des milliers de personnes ont quitté leurs villages au cours de l'année.",
          "Les chiffres publiés par l'institut national de la statistique restent provisoires.",
          "La production de coton a reculé pour la deuxième année consécutive.",
          "De nombreuses écoles sont restées fermées dans les zones rurales.",
          "Les transporteurs se plaignent de la hausse du prix du carburant.",
          "Le calendrier électoral n'a pas encore été publié.",
          "Les discussions budgétaires se poursuivent au Parlement national."};
      return s[rnd.nextInt(s.length)];
    }

    /** A day 0 to 6 days before publication, written as weekday + day + month or day + month. */
    Day pastDay() {
      LocalDate d = date.minusDays(rnd.nextInt(7));
      int form = rnd.nextInt(100);
      if (form < 15 && d.getMonth() == date.getMonth()) {
        return new Day("en " + MONTHS[d.getMonthValue() - 1], String.format("%04d-%02d",
            d.getYear(), d.getMonthValue()));
      }
      return form < 65 ? weekdayForm(d) : new Day("le " + dayMonth(d), d.toString());
    }

    /** A day 1 to 10 days after publication. */
    Day futureDay() {
      return weekdayForm(date.plusDays(1 + rnd.nextInt(10)));
    }

    Day weekdayForm(LocalDate d) {
      DayOfWeek w = d.getDayOfWeek();
      return new Day(WEEKDAYS[w.getValue() - 1] + " " + dayMonth(d), d.toString());
    }
  }

  /** A date as written and as ISO text. */
  private record Day(String words, String iso) {}

  private static String dayMonth(LocalDate d) {
    return (d.getDayOfMonth() == 1 ? "1er" : Integer.toString(d.getDayOfMonth())) + " "
        + MONTHS[d.getMonthValue() - 1];
  }

  /** "de Emmanuel Macron", "du président ...", "de la première ministre ...". */
  private static String de(String name) {
    return name.startsWith("le ") ? "du " + name.substring(3) : "de " + name;
  }

  /** "à Emmanuel Macron", "au président ...", "à la première ministre ...". */
  private static String to(String name) {
    return name.startsWith("le ") ? "au " + name.substring(3) : "à " + name;
  }

  /** "le président", "la première ministre", ... or null for titles that read badly before a name. */
  private static String titleOf(Office o) {
    String t = o.titleFr() == null ? "" : o.titleFr().split("\\|")[0].trim();
    return switch (t) {
      case "président", "premier ministre", "roi", "émir", "chef du gouvernement",
          "ministre des affaires étrangères" -> "le " + t;
      case "présidente", "première ministre", "cheffe du gouvernement" -> "la " + t;
      default -> null;
    };
  }

  /** The identifier an expected event lists: the QID, else the French name. */
  static String ref(KbEntity e) {
    return e.qid() != null ? e.qid() : e.nameFr();
  }

  private String the(KbEntity country) {
    String art = kb.articleOf(country.id());
    return art.isEmpty() ? country.nameFr()
        : art.equals("l'") ? "l'" + country.nameFr() : art + " " + country.nameFr();
  }

  /** "en France", "au Mali", "aux États-Unis", "à Cuba". */
  private String in(KbEntity country) {
    String art = kb.articleOf(country.id());
    return switch (art) {
      case "le" -> "au " + country.nameFr();
      case "les" -> "aux " + country.nameFr();
      case "la", "l'" -> "en " + country.nameFr();
      default -> "à " + country.nameFr();
    };
  }

  private static String theOrg(KbEntity org, boolean capital) {
    String n = org.nameFr();
    String art = switch (org.id()) {
      case "un", "otan", "nato" -> "l'";
      case "ecowas", "african_union", "european_union", "arab_league", "aes" -> "la ";
      default -> "le ";
    };
    String s = art + n;
    return capital ? cap(s) : s;
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A well-spread 64-bit seed for article i. */
  private static long mix(long seed, long i) {
    long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E019L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E019L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
