package org.newsgraph.extract;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.article.PartialDate;
import org.newsgraph.kb.EntityType;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.kb.KbEntity;
import org.newsgraph.text.Sentence;
import org.newsgraph.text.Token;

/**
 * Finds the mentions of actors and places in an article's sentences: gazetteer names (longest
 * match on folded keys), titles resolved to office holders at the article's date, countries named
 * through demonyms, juntas, unnamed groups, unknown names introduced by a title, surnames of persons
 * already named, and references back ("les deux dirigeants", "ce dernier").
 */
final class Recognizer {

  private static final Set<String> DETERMINERS = Set.of("le", "la", "les", "l'", "du", "des", "de",
      "d'", "au", "aux", "un", "une");
  private static final Set<String> NAME_PARTICLES = Set.of("de", "du", "des", "van", "von", "ben",
      "bin", "ould", "ag", "al", "el", "da", "dos", "di", "la", "le", "ibn", "abu", "abou");
  private static final Set<String> NOT_NAMES = Set.of("le", "la", "les", "l'", "un", "une", "des",
      "selon", "pour", "lors", "cette", "ce", "ces", "cet", "au", "aux", "en", "dans", "il", "elle",
      "ils", "elles", "mais", "et", "apres", "avant", "depuis", "son", "sa", "ses", "leur", "leurs",
      "a", "de", "du", "d'", "on", "nous", "vous", "je", "tu", "par", "sur", "sous", "vers", "chez",
      "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier",
      "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
      "decembre", "etat", "etats", "afp", "reuters", "president", "presidente", "ministre", "premier",
      "general", "si", "qui", "que", "quand", "comme", "ainsi", "alors", "enfin", "outre", "entre",
      "parmi", "contre", "face", "tandis", "tout", "tous", "toute", "aucun", "aucune", "plusieurs");

  private static final Set<String> ROLE_MODIFIERS = Set.of("elu", "elue", "sortant", "sortante",
      "dechu", "dechue", "renverse", "renversee", "interimaire", "nouveau", "nouvelle", "actuel",
      "actuelle");
  private static final Set<String> NOT_HOLDER_MODIFIERS = Set.of("elu", "elue", "dechu", "dechue",
      "renverse", "renversee");
  private static final Set<String> FORMER = Set.of("ancien", "ancienne", "ex", "ex-", "feu", "defunt");
  /** Titles specific enough to stand, without a country, for the office of the article's country. */
  private static final Set<String> RESOLVED_BY_FOCUS = Set.of("role.president-transition",
      "role.chef-junte", "role.chef-etat", "role.premier-ministre", "role.chef-gouvernement");

  private final Gazetteer kb;
  private final Lexicon lex;
  /** Countries by how often the article names them, most named first (per call of recognise). */
  private List<KbEntity> ranked = List.of();
  /** The country the article is mostly about, or null (per call of recognise). */
  private KbEntity focus;

  Recognizer(Gazetteer kb, Lexicon lex) {
    this.kb = kb;
    this.lex = lex;
  }

  /** All mentions of the article, sentence by sentence, in text order. */
  List<Mention> recognise(List<Sentence> sentences, PartialDate published, String articleId) {
    List<Mention> all = new ArrayList<>();
    Map<String, Entity> surnames = new HashMap<>();
    focus = focusCountry(sentences);
    for (Sentence s : sentences) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("extraction interrupted (time limit)");
      }
      boolean[] used = new boolean[s.tokens().size()];
      List<Mention> ms = new ArrayList<>();
      roles(s, published, used, ms, surnames);
      groups(s, used, ms, articleId);
      names(s, used, ms);
      unknownNames(s, used, ms, surnames);
      unknownOrganisations(s, used, ms);
      knownSurnames(s, used, ms, surnames);
      anaphors(s, used, ms, all);
      ms.sort(Comparator.comparingInt(Mention::from));
      for (Mention m : ms) {
        if (m.entity().type() == EntityType.PERSON) {
          String[] parts = m.entity().nameFr().split(" ");
          surnames.putIfAbsent(key(parts[parts.length - 1]), m.entity());
        }
      }
      all.addAll(ms);
    }
    return all;
  }

  /**
   * The country named most often (by name or demonym), when it is named at least twice and more
   * often than any other: "le président de la transition" without a country refers to it.
   */
  private KbEntity focusCountry(List<Sentence> sentences) {
    Map<KbEntity, Integer> counts = new HashMap<>();
    for (Sentence s : sentences) {
      List<Token> t = s.tokens();
      for (int i = 0; i < t.size(); i++) {
        List<KbEntity> d = kb.byDemonym(t.get(i).key());
        if (d.size() == 1) {
          counts.merge(d.get(0), 1, Integer::sum);
          continue;
        }
        int[] m = longestName(t, i, null);
        if (m != null) {
          kb.byName(keyOf(t, m[0], m[1])).stream().filter(e -> e.type() == EntityType.COUNTRY)
              .findFirst().ifPresent(c -> counts.merge(c, 1, Integer::sum));
          i = m[1] - 1;
        }
      }
    }
    List<Map.Entry<KbEntity, Integer>> order = new ArrayList<>(counts.entrySet());
    order.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue()
        : a.getKey().id().compareTo(b.getKey().id()));
    ranked = order.stream().map(Map.Entry::getKey).toList();
    if (order.isEmpty() || order.get(0).getValue() < 2
        || order.size() > 1 && order.get(1).getValue().equals(order.get(0).getValue())) {
      return null;
    }
    return order.get(0).getKey();
  }

  /**
   * The country of a title given without one. A transition president or junta leader: the most
   * named country whose holder of that office bears such a title; otherwise the article's main
   * country.
   */
  private KbEntity countryForBareTitle(Lexicon.Entry title, PartialDate published) {
    String word = title.id().equals("role.president-transition") ? "transition"
        : title.id().equals("role.chef-junte") ? "junte" : null;
    if (word == null) {
      return focus;
    }
    for (KbEntity c : ranked) {
      Optional<KbEntity> h = holderOn(title.value(), c.id(), published);
      if (h.isPresent() && kb.officesOf(h.get().id()).stream()
          .anyMatch(o -> o.titleFr() != null && key(o.titleFr()).contains(word))) {
        return c;
      }
    }
    return null;
  }

  // ---- titles: "le président russe (Vladimir Poutine)", "le chef de la diplomatie du Mali"

  private void roles(Sentence s, PartialDate published, boolean[] used, List<Mention> out,
      Map<String, Entity> surnames) {
    List<Token> t = s.tokens();
    // at each token, the longest title starting there (the first in lexicon order on a tie)
    Lexicon.Entry[] longest = new Lexicon.Entry[t.size()];
    int[] longestEnd = new int[t.size()];
    for (Lexicon.Match m : lex.matches("role", t)) {
      if (m.to() > longestEnd[m.from()]) {
        longest[m.from()] = m.entry();
        longestEnd[m.from()] = m.to();
      }
    }
    for (int i = 0; i < t.size(); i++) {
      if (used[i]) {
        continue;
      }
      Lexicon.Entry best = longest[i];
      int bestEnd = longestEnd[i];
      if (best == null) {
        continue;
      }
      if (i >= 2 && t.get(i - 1).key().equals(",") && t.get(i - 2).capitalized()
          && !DETERMINERS.contains(t.get(i - 2).key())) {
        continue; // "le colonel Assimi Goïta, chef de l'État": a title in apposition to a name
      }
      int j = bestEnd;
      KbEntity country = null;
      // "de la transition malienne", "russe", "du Mali", "de la Russie"
      if (j < t.size() && !kb.byDemonym(t.get(j).key()).isEmpty()) {
        country = pickCountry(kb.byDemonym(t.get(j).key()));
        j++;
      } else {
        int[] c = countryAfterPreposition(t, j);
        if (c != null) {
          country = countryAt(t, c[0]);
          j = c[1];
        }
      }
      // "élu", "sortant", "par intérim" may stand between the title and the name
      boolean notTheHolder = i > 0 && FORMER.contains(t.get(i - 1).key());
      while (j < t.size() && ROLE_MODIFIERS.contains(t.get(j).key())) {
        notTheHolder |= NOT_HOLDER_MODIFIERS.contains(t.get(j).key());
        j++;
      }
      if (j + 1 < t.size() && t.get(j).key().equals("par") && t.get(j + 1).key().equals("interim")) {
        j += 2;
      }
      // a name right after the title, or after a comma ("le ministre russe, Sergueï Lavrov"): the name wins
      int[] name = personNameAt(s, j, used);
      if (name == null && j + 1 < t.size() && t.get(j).key().equals(",")) {
        name = personNameAt(s, j + 1, used);
        if (name != null && kb.byName(keyOf(t, name[0], name[1])).stream()
            .noneMatch(e -> e.type() == EntityType.PERSON) && name[1] - name[0] < 2) {
          name = null;
        }
      }
      int from = i > 0 && DETERMINERS.contains(t.get(i - 1).key()) ? i - 1 : i;
      if (name != null) {
        Entity p = personEntity(s, name[0], name[1], country, best.value());
        mark(used, from, name[1]);
        out.add(mention(s, name[0], name[1], p, Mention.Kind.NAME, best.id() + "+name"));
        continue;
      }
      if (country == null && RESOLVED_BY_FOCUS.contains(best.id())) {
        country = countryForBareTitle(best, published);
      }
      if (country == null || notTheHolder) {
        continue;
      }
      String role = best.value().equals("counterpart") ? counterpartRole(t, i) : best.value();
      if (best.value().equals("counterpart") && i > 0
          && Set.of("son", "sa", "leur", "ses", "leurs").contains(t.get(i - 1).key())) {
        from = i - 1;
      }
      Optional<KbEntity> holder = holderOn(role, country.id(), published);
      if (holder.isPresent()) {
        mark(used, from, j);
        out.add(mention(s, from, j, Entity.of(holder.get(), best.id()), Mention.Kind.ROLE,
            best.id() + "@" + published));
      }
    }
  }

  /**
   * "son homologue russe": the office the counterpart holds is that of the person it is the
   * counterpart of, as the title words before it tell; a head of state by default.
   */
  private String counterpartRole(List<Token> t, int i) {
    for (Lexicon.Entry e : lex.ofKind("role")) {
      if (!e.value().equals("counterpart") && e.pattern().find(t, 0, i) != null) {
        return e.value();
      }
    }
    return "head_of_state";
  }

  /** The holder of a role on the article's date; empty when the date does not settle it. */
  Optional<KbEntity> holderOn(String role, String country, PartialDate date) {
    if (date == null) {
      return Optional.empty();
    }
    Optional<KbEntity> a = kb.holder(role, country, date.start());
    Optional<KbEntity> b = kb.holder(role, country, date.end());
    return a.isPresent() && a.equals(b) ? a : Optional.empty();
  }

  private int[] countryAfterPreposition(List<Token> t, int j) {
    int k = j;
    if (k < t.size() && Set.of("du", "de", "des", "d'").contains(t.get(k).key())) {
      k++;
      if (k < t.size() && Set.of("la", "l'").contains(t.get(k).key())) {
        k++;
      }
      int[] m = longestName(t, k, null);
      if (m != null && kb.byName(keyOf(t, m[0], m[1])).stream()
          .anyMatch(e -> e.type() == EntityType.COUNTRY)) {
        return m;
      }
    }
    return null;
  }

  private KbEntity countryAt(List<Token> t, int from) {
    int[] m = longestName(t, from, null);
    if (m == null) {
      return null;
    }
    return kb.byName(keyOf(t, m[0], m[1])).stream().filter(e -> e.type() == EntityType.COUNTRY)
        .findFirst().orElse(null);
  }

  /** "congolais": the Congo the article names most; the first otherwise. */
  private KbEntity pickCountry(List<KbEntity> countries) {
    return kb.choose(countries, EntityType.COUNTRY, ranked.stream().map(KbEntity::id).toList());
  }

  private int[] personNameAt(Sentence s, int j, boolean[] used) {
    List<Token> t = s.tokens();
    if (j >= t.size() || used[j] || !t.get(j).capitalized()) {
      return null;
    }
    int[] m = longestName(t, j, used);
    if (m != null) {
      List<KbEntity> c = kb.byName(keyOf(t, m[0], m[1]));
      if (c.stream().anyMatch(e -> e.type() == EntityType.PERSON)) {
        return m;
      }
      if (!c.isEmpty()) {
        return null;
      }
    }
    int end = capitalizedRun(s, j, used);
    return end > j ? new int[] {j, end} : null;
  }

  private Entity personEntity(Sentence s, int from, int to, KbEntity country, String role) {
    List<KbEntity> c = kb.byName(keyOf(s.tokens(), from, to));
    for (KbEntity e : c) {
      if (e.type() == EntityType.PERSON) {
        return Entity.of(e, "gazetteer");
      }
    }
    String name = s.span(from, to);
    return new Entity("Person:" + slug(name), EntityType.PERSON, name, null, null,
        "unknown-name after title " + role);
  }

  // ---- gazetteer names

  private void names(Sentence s, boolean[] used, List<Mention> out) {
    List<Token> t = s.tokens();
    for (int i = 0; i < t.size(); i++) {
      if (used[i]) {
        continue;
      }
      int[] m = longestName(t, i, used);
      if (m == null) {
        continue;
      }
      if (namesAThing(t, m[0])) {
        mark(used, m[0], m[1]);
        i = m[1] - 1;
        continue; // "le bateau « Tombouctou »": a boat, not the city
      }
      List<KbEntity> cands = kb.byName(keyOf(t, m[0], m[1]));
      KbEntity e = choose(cands, t, m[0]);
      mark(used, m[0], m[1]);
      Mention.Kind kind = e.metonymFor() != null ? Mention.Kind.METONYM : Mention.Kind.NAME;
      out.add(mention(s, m[0], m[1], Entity.of(e, "gazetteer " + e.source()), kind,
          "gazetteer:" + e.id()));
      i = m[1] - 1;
    }
  }

  private static final Set<String> THINGS = Set.of("bateau", "navire", "vol", "operation",
      "porte-avions", "avion", "ferry", "paquebot", "cargo", "petrolier", "baptise", "baptisee",
      "nomme", "nommee", "hotel", "stade", "rue", "avenue", "boulevard", "place", "pont", "ecole",
      "lycee", "universite", "aeroport", "gare", "marche", "quartier", "camp");

  /** A name right after "bateau", "opération", "rue"... (quotes allowed) names that thing. */
  private static boolean namesAThing(List<Token> t, int at) {
    int k = at - 1;
    while (k >= 0 && Set.of("«", "\"", "“", "'").contains(t.get(k).key())) {
      k--;
    }
    return k >= 0 && k < at && THINGS.contains(t.get(k).key());
  }

  /** Longest gazetteer name starting at i with a capitalised word in it: {from, to} or null. */
  private int[] longestName(List<Token> t, int i, boolean[] used) {
    if (i >= t.size() || !t.get(i).word() && !t.get(i).number()) {
      return null;
    }
    // grow the key a token at a time while it begins a longer name; keep the longest name seen
    int max = Math.min(t.size(), i + kb.maxNameTokens());
    StringBuilder key = new StringBuilder();
    int found = -1;
    boolean capital = false;
    for (int end = i + 1; end <= max; end++) {
      Token last = t.get(end - 1);
      if (used != null && used[end - 1]) {
        break;
      }
      if (end > i + 1) {
        key.append(' ');
      }
      key.append(last.key());
      capital |= last.capitalized();
      String k = key.toString();
      if (capital && !kb.byName(k).isEmpty()) {
        found = end;
      }
      if (!kb.beginsName(k)) {
        break;
      }
    }
    return found < 0 ? null : new int[] {i, found};
  }


  /**
   * Settles an ambiguous name by the words before it (the kind of entity they ask for) and the
   * countries the article names: see {@link Gazetteer#choose}.
   */
  private KbEntity choose(List<KbEntity> cands, List<Token> t, int at) {
    if (cands.size() == 1) {
      return cands.get(0);
    }
    String prev = at > 0 ? t.get(at - 1).key() : "";
    String prev2 = at > 1 ? t.get(at - 2).key() : "";
    EntityType wanted = null;
    if (prev.equals("fleuve") || prev2.equals("fleuve") || prev2.equals("sur") && prev.equals("le")
        || prev.equals("riviere")) {
      wanted = EntityType.RIVER;
    } else if (prev.equals("lac")) {
      wanted = EntityType.LAKE;
    } else if (prev.equals("region") || prev2.equals("region") || prev2.equals("etat")
        && (prev.equals("de") || prev.equals("du") || prev.equals("d'"))) {
      wanted = EntityType.REGION;
    } else if (prev.equals("ville") || prev2.equals("ville")) {
      wanted = EntityType.CITY;
    }
    return kb.choose(cands, wanted, ranked.stream().map(KbEntity::id).toList());
  }

  // ---- groups described, not named: juntas, the state through a demonym, unnamed attackers

  /** The lexicon kinds of groups described, not named (a set made once: this runs per sentence). */
  private static final Set<String> GROUP_KINDS = Set.of("junta", "govt", "group");

  private void groups(Sentence s, boolean[] used, List<Mention> out, String articleId) {
    List<Token> t = s.tokens();
    for (Lexicon.Entry e : lex.all()) {
      if (!GROUP_KINDS.contains(e.kind())) {
        continue;
      }
      for (int i = 0; i < t.size(); i++) {
        if (used[i]) {
          continue;
        }
        int end = e.pattern().matchAt(t, i);
        if (end < 0 || anyUsed(used, i, end)) {
          continue;
        }
        qualifierPlace = null;
        KbEntity country = countryQualifier(t, end, used);
        int qEnd = country == null ? end : qualifierEnd;
        if (country == null && e.kind().equals("junta")) {
          country = countryBeforeWhere(t, i);
        }
        Entity entity = null;
        switch (e.kind()) {
          case "junta" -> {
            if (country != null) {
              entity = junta(country);
            }
          }
          case "govt" -> {
            if (country != null && qEnd == end + 1) {
              entity = Entity.of(country, e.id());
            }
          }
          default -> {
            if (i > 0 && Set.of("des", "les", "de", "d'", "par", "un", "une").contains(t.get(i - 1).key())) {
              String words = s.span(i, end);
              entity = new Entity("group:" + articleId + ":" + slug(e.value()),
                  EntityType.ORGANIZATION, words, null, null, e.id());
              qEnd = end;
            }
          }
        }
        if (entity == null) {
          continue;
        }
        int from = i > 0 && DETERMINERS.contains(t.get(i - 1).key()) ? i - 1 : i;
        mark(used, from, qEnd);
        Mention.Kind kind = e.kind().equals("govt") ? Mention.Kind.DEMONYM : Mention.Kind.GROUP;
        out.add(mention(s, from, qEnd, entity, kind, e.id()));
        if (qualifierPlace != null && qualifierPlace[1] == qEnd) {
          // "les militaires au pouvoir à Niamey": the city is named too
          out.add(mention(s, qualifierPlace[0], qualifierPlace[1], Entity.of(qualifierPlaceEntity,
              "gazetteer"), Mention.Kind.METONYM, "gazetteer:" + qualifierPlaceEntity.id()));
        }
        qualifierPlace = null;
      }
    }
  }

  private int qualifierEnd;
  private int[] qualifierPlace;
  private KbEntity qualifierPlaceEntity;

  /**
   * A country qualifying a group word at {@code j}: a demonym ("nigérien"), "au pouvoir à
   * CAPITAL", "à/de CAPITAL", "du/au COUNTRY". Sets {@link #qualifierEnd}.
   */
  private KbEntity countryQualifier(List<Token> t, int j, boolean[] used) {
    if (j < t.size() && !kb.byDemonym(t.get(j).key()).isEmpty()) {
      qualifierEnd = j + 1;
      return pickCountry(kb.byDemonym(t.get(j).key()));
    }
    int k = j;
    if (k + 1 < t.size() && t.get(k).key().equals("au") && t.get(k + 1).key().equals("pouvoir")) {
      k += 2;
    }
    if (k < t.size() && Set.of("a", "au", "du", "de", "en", "d'").contains(t.get(k).key())) {
      int[] m = longestName(t, k + 1, used);
      if (m != null) {
        for (KbEntity e : kb.byName(keyOf(t, m[0], m[1]))) {
          if (e.type() == EntityType.COUNTRY) {
            qualifierEnd = m[1];
            return e;
          }
          Optional<KbEntity> c = kb.standsFor(e);
          if (e.type() == EntityType.CITY && c.isPresent() && c.get().type() == EntityType.COUNTRY) {
            qualifierEnd = m[1];
            qualifierPlace = new int[] {m[0], m[1]};
            qualifierPlaceEntity = e;
            return c.get();
          }
        }
      }
    }
    return null;
  }

  /** "au Niger, où les militaires...": the country the relative "où" refers to. */
  private KbEntity countryBeforeWhere(List<Token> t, int i) {
    int k = i - 1;
    while (k >= 0 && DETERMINERS.contains(t.get(k).key())) {
      k--;
    }
    if (k < 1 || !t.get(k).text().equalsIgnoreCase("où")) {
      return null;
    }
    for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
      int[] m = longestName(t, j, null);
      if (m != null && m[1] <= k) {
        for (KbEntity c : kb.byName(keyOf(t, m[0], m[1]))) {
          if (c.type() == EntityType.COUNTRY) {
            return c;
          }
        }
      }
    }
    return null;
  }

  private static Entity junta(KbEntity country) {
    return new Entity("junta:" + country.id(), EntityType.ORGANIZATION,
        "militaires au pouvoir (" + country.nameFr() + ")",
        "military rulers (" + (country.nameEn() == null ? country.nameFr() : country.nameEn()) + ")",
        null, "junta of " + country.id());
  }

  // ---- names the gazetteer lacks, introduced by a title or honorific

  private void unknownNames(Sentence s, boolean[] used, List<Mention> out,
      Map<String, Entity> surnames) {
    List<Token> t = s.tokens();
    for (Lexicon.Entry e : lex.ofKind("honorific")) {
      for (int i = 0; i < t.size(); i++) {
        int end = e.pattern().matchAt(t, i);
        if (end < 0 || end >= t.size() || used[end] || !t.get(end).capitalized()) {
          continue;
        }
        int to = capitalizedRun(s, end, used);
        if (to <= end || !kb.byName(keyOf(t, end, to)).isEmpty()) {
          continue;
        }
        String name = s.span(end, to);
        Entity p = new Entity("Person:" + slug(name), EntityType.PERSON, name, null, null, e.id());
        mark(used, end, to);
        out.add(mention(s, end, to, p, Mention.Kind.NAME, e.id() + "+unknown-name"));
      }
    }
  }

  /** "le parti Pastef", "le Front Polisario": an unknown name typed as an organisation. */
  private void unknownOrganisations(Sentence s, boolean[] used, List<Mention> out) {
    List<Token> t = s.tokens();
    for (Lexicon.Entry e : lex.ofKind("orgword")) {
      for (int i = 0; i + 1 < t.size(); i++) {
        int end = e.pattern().matchAt(t, i);
        if (end < 0 || end >= t.size() || used[end] || !t.get(end).capitalized()) {
          continue;
        }
        int to = capitalizedRun(s, end, used);
        if (to <= end || !kb.byName(keyOf(t, end, to)).isEmpty()) {
          continue;
        }
        boolean headInName = t.get(i).capitalized();
        int from = headInName ? i : end;
        String name = s.span(from, to);
        Entity org = new Entity("Organization:" + slug(name), EntityType.ORGANIZATION, name, null, null,
            e.id());
        mark(used, from, to);
        out.add(mention(s, from, to, org, Mention.Kind.NAME, e.id() + "+unknown-name"));
      }
    }
  }

  private void knownSurnames(Sentence s, boolean[] used, List<Mention> out,
      Map<String, Entity> surnames) {
    List<Token> t = s.tokens();
    for (int i = 0; i < t.size(); i++) {
      if (used[i] || !t.get(i).capitalized()) {
        continue;
      }
      Entity p = surnames.get(t.get(i).key());
      if (p != null) {
        used[i] = true;
        out.add(mention(s, i, i + 1, p, Mention.Kind.NAME, "surname-of:" + p.key()));
      }
    }
  }

  // ---- references back: "les deux dirigeants", "ce dernier", "son homologue (russe)"

  private void anaphors(Sentence s, boolean[] used, List<Mention> out, List<Mention> before) {
    List<Token> t = s.tokens();
    for (Lexicon.Entry e : lex.ofKind("anaphor")) {
      int[] m = e.pattern().find(t, 0, t.size());
      if (m == null || anyUsed(used, m[0], m[1])) {
        continue;
      }
      List<Mention> prior = new ArrayList<>(before);
      out.stream().filter(x -> x.from() < m[0]).forEach(prior::add);
      boolean leaders = e.pattern().toString().contains("dirigeants")
          && Set.of("dirigeants", "presidents", "chefs", "leaders").contains(t.get(m[1] - 1).key());
      List<Entity> persons = new ArrayList<>();
      for (int k = prior.size() - 1; k >= 0 && persons.size() < 2; k--) {
        Entity p = prior.get(k).entity();
        if (p.type() == EntityType.PERSON && !persons.contains(p) && (!leaders || isLeader(p))) {
          persons.add(p);
        }
      }
      List<Entity> refs = switch (e.value()) {
        case "pair" -> persons.size() == 2 ? persons : List.of();
        case "last" -> persons.isEmpty() ? List.of() : List.of(persons.get(0));
        default -> List.of();
      };
      if (refs.isEmpty()) {
        continue;
      }
      mark(used, m[0], m[1]);
      for (Entity r : refs) {
        out.add(mention(s, m[0], m[1], r, Mention.Kind.ANAPHOR, e.id()));
      }
    }
  }

  /** Holds, or held, a head of state or government office; unknown persons count as leaders. */
  private boolean isLeader(Entity p) {
    if (p.kb() == null) {
      return true;
    }
    return kb.officesOf(p.kb().id()).stream()
        .anyMatch(o -> o.role().equals("head_of_state") || o.role().equals("head_of_government"));
  }

  // ---- helpers

  private int capitalizedRun(Sentence s, int from, boolean[] used) {
    List<Token> t = s.tokens();
    int end = from;
    int lastCap = from;
    while (end < t.size() && !used[end]) {
      Token tok = t.get(end);
      if (tok.capitalized() && tok.word() && !NOT_NAMES.contains(tok.key())
          && (end > from || s.properNounOrUntagged(end))) {
        end++;
        lastCap = end;
      } else if (end > from && NAME_PARTICLES.contains(tok.key()) && end + 1 < t.size()
          && t.get(end + 1).capitalized()) {
        end++;
      } else {
        break;
      }
    }
    return lastCap;
  }

  private static Mention mention(Sentence s, int from, int to, Entity e, Mention.Kind kind,
      String rule) {
    List<Token> t = s.tokens();
    return new Mention(s.index(), from, to, t.get(from).start(), t.get(to - 1).end(), s.span(from, to),
        e, kind, rule);
  }

  static String keyOf(List<Token> t, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        b.append(' ');
      }
      b.append(t.get(i).key());
    }
    return b.toString();
  }

  private static boolean hasCapital(List<Token> t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t.get(i).capitalized()) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyUsed(boolean[] used, int from, int to) {
    for (int i = from; i < to; i++) {
      if (used[i]) {
        return true;
      }
    }
    return false;
  }

  private static void mark(boolean[] used, int from, int to) {
    for (int i = from; i < to; i++) {
      used[i] = true;
    }
  }

  private static String key(String s) {
    return org.newsgraph.text.Fold.key(s);
  }

  /** A lower-case ASCII slug of a name, for IRIs of entities without identifiers. */
  static String slug(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return n.isEmpty() ? "x" : n;
  }

  static LocalDate day(PartialDate d) {
    return d == null ? null : d.start();
  }
}
