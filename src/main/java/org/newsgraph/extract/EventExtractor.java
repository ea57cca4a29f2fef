package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.newsgraph.article.PartialDate;
import org.newsgraph.kb.EntityType;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.kb.KbEntity;
import org.newsgraph.text.Sentence;
import org.newsgraph.text.Token;

/**
 * Reads events out of analysed sentences and their mentions: triggers from the lexicon, then
 * roles by the words that govern each mention (subject, "avec", "par", "contre", "à"...), the date
 * nearest the trigger, the status from cues around it, topics, the source the article cites, the
 * place and casualties; finally, mentions of the same event within the article are merged.
 */
final class EventExtractor {

  private static final Set<String> SKIP_BEFORE = Set.of("le", "la", "les", "l'", "un", "une", "son",
      "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "cet", "notamment", "meme", "tout", "toute");
  private static final Map<String, String> PREPOSITIONS = Map.ofEntries(
      Map.entry("avec", "avec"), Map.entry("entre", "entre"), Map.entry("par", "par"),
      Map.entry("contre", "contre"), Map.entry("à", "a"), Map.entry("au", "a"), Map.entry("aux", "a"),
      Map.entry("de", "de"), Map.entry("du", "de"), Map.entry("d'", "de"), Map.entry("d’", "de"),
      Map.entry("des", "de"), Map.entry("en", "en"), Map.entry("dans", "dans"),
      Map.entry("selon", "selon"), Map.entry("pour", "pour"), Map.entry("sur", "sur"),
      Map.entry("vers", "vers"), Map.entry("chez", "chez"), Map.entry("depuis", "depuis"),
      Map.entry("près", "pres"), Map.entry("entre-temps", "x"), Map.entry("envers", "envers"),
      Map.entry("auprès", "aupres"), Map.entry("après", "apres"), Map.entry("avant", "avant"),
      Map.entry("et", "et"), Map.entry("ou", "et"), Map.entry("'", "x"));
  /** Words of a title before a name: "avec son homologue français Emmanuel Macron". */
  private static final Set<String> TITLE_WORDS = Set.of("homologue", "homologues", "president",
      "presidente", "ministre", "chef", "cheffe", "dirigeant", "dirigeante", "premier", "premiere",
      "secretaire", "general", "colonel", "m.", "mme", "porte-parole", "roi", "emir", "elu", "elue");
  /** Status cues that may stand far after the trigger, in the same clause. */
  private static final Set<String> AFTER_CUES = Set.of("status.planned.prevu",
      "status.planned.aura-lieu", "status.denied.pas-eu-lieu");
  /** When several cues apply, the first of these wins: a denial outranks everything. */
  private static final List<Status> STATUS_PRIORITY = List.of(Status.DENIED, Status.HYPOTHETICAL,
      Status.PLANNED, Status.ALLEGED, Status.HABITUAL, Status.OCCURRED);
  private static final Set<EventClass> SPEECH_ACTS = Set.of(EventClass.STATEMENT,
      EventClass.CONDOLENCE, EventClass.THANKS, EventClass.SUPPORT, EventClass.ACCUSATION,
      EventClass.THREAT, EventClass.APPEAL, EventClass.AGREEMENT, EventClass.DENIAL);
  private static final Set<String> CLAUSE_OPENERS = Set.of(",", ";", "ou", "lorsque", "quand",
      "tandis", "alors", "puisque", "car", "mais");
  private static final Set<String> DURING = Set.of("lors", "pendant", "durant", "cours");
  private static final Set<String> CONTINUATION = Set.of("egalement", "aussi", "part", "outre",
      "ensuite", "encore");

  private final Gazetteer kb;
  private final Lexicon lex;
  private final DateFinder dates = new DateFinder();
  /** Full dates the article gives, against which a bare weekday is read (per call of extract). */
  private List<PartialDate> anchors = List.of();
  private int datelineEnd;

  EventExtractor(Gazetteer kb, Lexicon lex) {
    this.kb = kb;
    this.lex = lex;
  }

  /** A trigger found in a sentence. */
  private record Trigger(Lexicon.Entry entry, EventClass type, int from, int to) {}

  /** An actor mention with the word that governs it. */
  private record Arg(Mention m, String prep, boolean source, boolean topic) {
    Entity e() {
      return m.entity();
    }
  }

  /** An event under construction. */
  private static final class Draft {
    EventClass type;
    Status status = Status.OCCURRED;
    final List<Entity> participants = new ArrayList<>();
    Entity initiator;
    Entity target;
    PartialDate date;
    String dateExpression;
    Entity place;
    final List<String> topics = new ArrayList<>();
    Entity reportedBy;
    Event.Casualties casualties;
    final List<Event.Evidence> evidence = new ArrayList<>();
    Draft partOf;
    int sentence;
    /** The trigger follows a definite or demonstrative article: it may refer back. */
    boolean definite;
    /** Token span of the trigger in its sentence. */
    int from;
    int to;
    boolean during;

    void add(Entity e) {
      if (e != null && !participants.contains(e)) {
        participants.add(e);
      }
    }
  }

  /**
   * The events of an article's sentences.
   *
   * @param datelineEnd offset where the article's dateline ends: dates before it date the story
   */
  List<Event> extract(List<Sentence> sentences, List<Mention> mentions, PartialDate published,
      int datelineEnd) {
    this.datelineEnd = datelineEnd;
    List<Draft> drafts = new ArrayList<>();
    Entity lastSource = null;
    anchors = new ArrayList<>();
    for (Sentence s : sentences) {
      for (DateFinder.DateMention dm : dates.find(s, published)) {
        if (dm.date() != null && dm.date().precision() == PartialDate.Precision.DAY && !dm.bound()
            && !dm.rule().startsWith("weekday-before")) {
          anchors.add(dm.date());
        }
      }
    }
    for (Sentence s : sentences) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("extraction interrupted (time limit)");
      }
      List<Mention> ms = mentions.stream().filter(m -> m.sentence() == s.index()).toList();
      List<Arg> args = args(s, ms);
      Entity source = source(args, s, lastSource);
      if (source != null) {
        lastSource = source;
      }
      List<Trigger> triggers = triggers(s, ms);
      List<Draft> here = new ArrayList<>();
      for (Trigger tr : triggers) {
        Draft d = frame(s, tr, args, triggers);
        if (d == null) {
          continue;
        }
        d.reportedBy = source;
        d.status = status(s, tr, triggers);
        here.add(d);
      }
      if (here.stream().noneMatch(d -> d.type == EventClass.STATEMENT)) {
        Draft said = reportedSpeech(s, args);
        if (said != null) {
          here.add(said);
        }
      }
      assignDates(s, triggers, here, published);
      linkDuring(s, triggers, here, drafts);
      if (here.isEmpty()) {
        addTopicsToLastInteraction(s, args, drafts);
      }
      drafts.addAll(here);
    }
    return finish(merge(drafts));
  }

  // ---- triggers

  private List<Trigger> triggers(Sentence s, List<Mention> ms) {
    List<Token> t = s.tokens();
    List<Trigger> found = new ArrayList<>();
    for (Lexicon.Match m : lex.matches("trigger", t)) {
      if (!insideMention(ms, m.from(), m.to())) {
        found.add(new Trigger(m.entry(), EventClass.parse(m.entry().value()), m.from(), m.to()));
      }
    }
    for (Lexicon.Match b : lex.matches("block", t)) {
      found.removeIf(tr -> tr.entry().id().equals(b.entry().value()) && tr.from() < b.to()
          && b.from() < tr.to());
    }
    // longest wins where triggers overlap
    found.sort(Comparator.comparingInt((Trigger tr) -> tr.from() - tr.to()).thenComparingInt(Trigger::from));
    List<Trigger> kept = new ArrayList<>();
    for (Trigger tr : found) {
      if (kept.stream().noneMatch(k -> k.from() < tr.to() && tr.from() < k.to())) {
        kept.add(tr);
      }
    }
    kept.sort(Comparator.comparingInt(Trigger::from));
    // a phone word anywhere makes the interactions of the sentence phone calls; one per sentence
    boolean phone = lex.ofKind("phone").stream().anyMatch(p -> p.pattern().find(t, 0, t.size()) != null);
    List<Trigger> out = new ArrayList<>();
    Trigger interaction = null;
    for (Trigger tr : kept) {
      if (tr.type() == EventClass.INTERACTION || tr.type() == EventClass.PHONE_CALL) {
        EventClass c = phone ? EventClass.PHONE_CALL : tr.type();
        if (interaction == null) {
          interaction = new Trigger(tr.entry(), c, tr.from(), tr.to());
          out.add(interaction);
        } else if (c == EventClass.PHONE_CALL && interaction.type() != EventClass.PHONE_CALL) {
          out.set(out.indexOf(interaction), interaction = new Trigger(tr.entry(), c, tr.from(), tr.to()));
        }
        continue;
      }
      if (out.stream().noneMatch(o -> o.type() == tr.type())) {
        out.add(tr);
      }
    }
    return out;
  }

  private static boolean insideMention(List<Mention> ms, int from, int to) {
    for (Mention m : ms) {
      if (m.from() <= from && to <= m.to() && m.kind() == Mention.Kind.NAME) {
        return true;
      }
    }
    return false;
  }

  // ---- arguments: each actor mention and the word that governs it

  private List<Arg> args(Sentence s, List<Mention> ms) {
    List<Token> t = s.tokens();
    List<int[]> topicSpans = topicSpans(s);
    List<Arg> out = new ArrayList<>();
    for (Mention m : ms) {
      int k = m.from() - 1;
      while (k >= 0 && (SKIP_BEFORE.contains(t.get(k).key()) || TITLE_WORDS.contains(t.get(k).key())
          || !kb.byDemonym(t.get(k).key()).isEmpty() && !t.get(k).capitalized())) {
        k--;
      }
      String prep = "";
      if (k >= 0) {
        String raw = t.get(k).text().toLowerCase(java.util.Locale.ROOT);
        prep = PREPOSITIONS.getOrDefault(raw, "");
        if (raw.equals("des") && k > 0 && PREPOSITIONS.containsKey(t.get(k - 1).text().toLowerCase())) {
          prep = PREPOSITIONS.get(t.get(k - 1).text().toLowerCase());
        }
        if (prep.equals("et") || prep.equals("x")) {
          // coordination: same role as the mention before the "et"
          prep = out.isEmpty() ? "" : out.get(out.size() - 1).prep();
        }
      }
      boolean source = prep.equals("selon") || k >= 0 && isReportVerb(t.get(k))
          || k >= 1 && t.get(k).key().equals("d'apres") || reportsThat(t, m.to());
      boolean topic = false;
      for (int[] span : topicSpans) {
        topic |= m.from() >= span[0] && m.to() <= span[1];
      }
      out.add(new Arg(m, prep, source, topic));
    }
    return out;
  }

  private static final Lexicon.Entry REPORTED_SPEECH = new Lexicon.Entry("statement.reported-speech",
      "trigger", "Statement", new TokenPattern("dit"), 0);

  /**
   * "X a déclaré que ...", "a déclaré le porte-parole, X": a person's declaration is a statement
   * of that person. Organisations and media that report are sources, not speakers.
   */
  private Draft reportedSpeech(Sentence s, List<Arg> args) {
    List<Token> t = s.tokens();
    for (int k = 0; k < t.size(); k++) {
      if (!isReportVerb(t.get(k))) {
        continue;
      }
      Entity speaker = null;
      for (Arg a : args) {
        boolean after = a.m().from() > k && a.m().from() - k <= 4 && a.source();
        boolean before = a.m().to() <= k && k - a.m().to() <= 2 && a.prep().isEmpty();
        if ((after || before) && a.e().type() == EntityType.PERSON) {
          speaker = a.e();
          break;
        }
      }
      if (speaker == null) {
        continue;
      }
      Draft d = new Draft();
      d.type = EventClass.STATEMENT;
      d.sentence = s.index();
      d.from = k;
      d.to = k + 1;
      d.add(speaker);
      d.evidence.add(new Event.Evidence(s.index(), s.start(), s.end(), s.text(), t.get(k).text(),
          List.of(REPORTED_SPEECH.id())));
      return d;
    }
    return null;
  }

  /** "Pékin a indiqué que ...": the mention ending at {@code i} is the subject of a report verb. */
  private boolean reportsThat(List<Token> t, int i) {
    int k = i;
    if (k < t.size() && Set.of("a", "ont", "avait", "avaient").contains(t.get(k).key())) {
      k++;
    }
    if (k >= t.size() || !isReportVerb(t.get(k))) {
      return false;
    }
    for (int j = k + 1; j < Math.min(t.size(), k + 4); j++) {
      if (Set.of("que", "qu'", ":").contains(t.get(j).key())) {
        return true;
      }
    }
    return false;
  }

  private boolean isReportVerb(Token t) {
    for (Lexicon.Entry e : lex.ofKind("report")) {
      if (e.value().equals("verb") && e.pattern().matchAt(List.of(t), 0) == 1) {
        return true;
      }
    }
    return false;
  }

  private Entity source(List<Arg> args, Sentence s, Entity last) {
    for (Arg a : args) {
      if (a.source()) {
        return actor(a);
      }
    }
    List<Token> t = s.tokens();
    for (int i = 0; i + 2 < t.size(); i++) {
      if (t.get(i).key().equals("selon") && t.get(i + 2).key().equals("meme")) {
        return last;
      }
    }
    return null;
  }

  /** Token spans holding what an interaction was about: after a topic marker, to the clause end. */
  private List<int[]> topicSpans(Sentence s) {
    List<Token> t = s.tokens();
    List<int[]> out = new ArrayList<>();
    for (Lexicon.Match m : lex.matches("topic", t)) {
      int end = m.to();
      int stop = end;
      while (stop < t.size() && !clauseEnd(t, stop)) {
        stop++;
      }
      if (stop > end) {
        out.add(new int[] {end, stop});
      }
    }
    return out;
  }

  private boolean clauseEnd(List<Token> t, int i) {
    String k = t.get(i).key();
    return k.equals(",") || k.equals(".") || k.equals(";") || k.equals(":") || k.equals("selon")
        || k.equals("(") || isReportVerb(t.get(i)) || k.equals("estimant");
  }

  // ---- frames: roles by class

  private Draft frame(Sentence s, Trigger tr, List<Arg> args, List<Trigger> all) {
    Draft d = new Draft();
    d.type = tr.type();
    d.sentence = s.index();
    d.from = tr.from();
    d.to = tr.to();
    d.definite = tr.from() > 0 && Set.of("l'", "la", "le", "les", "cette", "ces", "cet", "deux")
        .contains(s.tokens().get(tr.from() - 1).key());
    d.evidence.add(new Event.Evidence(s.index(), s.start(), s.end(), s.text(), s.span(tr.from(), tr.to()),
        List.of(tr.entry().id())));
    List<Arg> actors = args.stream().filter(a -> !a.source() && actor(a) != null).toList();
    switch (tr.type()) {
      case INTERACTION, PHONE_CALL, MEETING -> {
        int next = nextTrigger(tr, all);
        int topicFrom = topicAfterCounterpart(s, args, tr);
        List<Arg> between = actors.stream().filter(a -> a.m().from() >= tr.to() && a.m().from() < next
            && a.prep().equals("entre") && !a.topic() && a.m().from() < topicFrom).toList();
        for (Arg a : between.size() >= 2 ? between : actors) {
          boolean dative = a.prep().equals("a") && a.m().from() >= tr.to() && a.m().from() - tr.to() <= 4;
          if (!a.topic() && a.m().from() < next && a.m().from() < topicFrom
              && (dative || Set.of("", "avec", "entre", "et", "chez").contains(a.prep()))) {
            d.add(actor(a));
          }
        }
        if (topicFrom < s.tokens().size()) {
          String topic = topicText(s, topicFrom);
          if (topic != null) {
            d.topics.add(topic);
          }
        }
        Entity init = initiative(s, args, d);
        if (init == null && tr.entry().id().startsWith("trigger.call.appeler")) {
          init = subject(actors, tr, s);
        }
        collapseCountries(d);
        if (init != null) {
          d.add(init);
          collapseCountries(d);
          d.initiator = d.participants.contains(init) ? init : null;
        }
        if (d.participants.size() < 2) {
          return null;
        }
        if (d.initiator != null && d.participants.size() == 2) {
          d.target = d.participants.get(0).equals(d.initiator) ? d.participants.get(1) : d.participants.get(0);
        }
        d.topics.addAll(topics(s));
        if (tr.type() != EventClass.PHONE_CALL) {
          Entity p = place(s, args, tr, false);
          Arg where = args.stream().filter(a -> a.e().equals(p)).findFirst().orElse(null);
          // the place of a meeting is said near its trigger, not anywhere in the sentence
          if (where != null && Math.abs(where.m().from() - tr.to()) <= 8) {
            d.place = p;
          }
        }
      }
      case VISIT -> {
        int next = nextTrigger(tr, all);
        Entity visitor = null;
        for (Arg a : actors) {
          if (a.m().from() >= tr.to() && a.m().from() < next && a.prep().equals("de") && !a.topic()
              && a.m().from() - tr.to() <= 12) {
            visitor = actor(a);
            break;
          }
        }
        if (visitor == null) {
          visitor = subject(actors, tr, s);
        }
        if (visitor == null) {
          return null;
        }
        d.initiator = visitor;
        d.add(visitor);
        for (Arg a : actors) {
          if (a.m().from() >= tr.to() && a.m().from() < next && a.prep().equals("chez")) {
            d.target = actor(a);
            d.add(d.target);
          }
        }
        d.place = place(s, args, tr, false);
      }
      case ATTACK -> {
        for (Arg a : actors) {
          if (a.m().from() >= tr.to() && (a.prep().equals("par") || a.prep().equals("a")
              && a.m().kind() == Mention.Kind.GROUP)) {
            d.initiator = actor(a);
            d.add(d.initiator);
            break;
          }
        }
        int against = -1;
        for (int k = tr.to(); k < s.tokens().size() && against < 0; k++) {
          if (s.tokens().get(k).key().equals("contre")) {
            against = k;
          }
        }
        for (Arg a : actors) {
          // "contre X", or an organisation a few words on: "contre le quartier général du G5 Sahel"
          boolean direct = a.prep().equals("contre");
          boolean reached = against >= 0 && a.m().from() > against && a.m().from() - against <= 7
              && a.e().type() == EntityType.ORGANIZATION && a.prep().equals("de");
          if (a.m().from() >= tr.to() && (direct || reached) && a.e().type().isActor()
              && a.e().type() != EntityType.COUNTRY && !a.e().equals(d.initiator)) {
            d.target = actor(a);
            d.add(d.target);
            break;
          }
        }
        verbalAttackRoles(d, tr, actors, s);
        d.place = place(s, args, tr, true);
        d.casualties = casualties(s);
      }
      case COUP -> {
        Entity junta = null;
        KbEntity country = null;
        if (tr.entry().id().equals("trigger.coup.renverser")) {
          // "des militaires ont renversé le président X": a coup only when a leader is ousted
          Entity ousted = null;
          for (Arg a : actors) {
            if (a.m().from() >= tr.to() && a.m().from() - tr.to() <= 4 && a.prep().isEmpty()
                && a.e().type() == EntityType.PERSON && a.e().kb() != null) {
              ousted = a.e();
              break;
            }
          }
          KbEntity of = ousted == null ? null : officeCountry(ousted);
          if (of == null) {
            return null;
          }
          d.target = ousted;
          d.add(ousted);
          junta = junta(of, "coup.junta-of-ousted-leader");
          d.initiator = junta;
          d.add(junta);
          d.place = Entity.of(of, "coup.country-of-ousted-leader");
          return d;
        }
        for (Arg a : args) {
          if (a.e().key().startsWith("junta:")) {
            junta = a.e();
          } else if (a.e().type() == EntityType.COUNTRY && country == null) {
            country = a.e().kb();
          }
        }
        if (junta == null && country != null) {
          junta = junta(country, "coup.junta-of-country");
        }
        if (junta != null) {
          d.initiator = junta;
          d.add(junta);
          country = kb.get(junta.country()).orElse(country);
        }
        if (country != null) {
          d.place = Entity.of(country, "coup.country");
        }
      }
      case VOTE -> {
        // the voting body: "un vote au Conseil de sécurité", or the subject, "le Conseil a adopté"
        for (Arg a : args) {
          if (a.e().type() == EntityType.ORGANIZATION && a.m().from() >= tr.to()
              && a.m().from() - tr.to() <= 6) {
            d.add(a.e());
            break;
          }
        }
        Entity subject = subject(actors, tr, s);
        if (d.participants.isEmpty() && subject != null && subject.type() == EntityType.ORGANIZATION) {
          d.add(subject);
        }
      }
      default -> {
        if (isComplementOfEarlierTrigger(s, tr, all)) {
          return null;
        }
        int limit = all.stream().filter(o -> o.from() >= tr.to()).mapToInt(Trigger::from).min()
            .orElse(Integer.MAX_VALUE);
        dyad(d, tr, actors.stream().filter(a -> a.m().from() < limit).toList(), s);
      }
    }
    return d;
  }

  /** Forms of "avoir" that make a compound past with a participle: "a attaqué", "ont attaqué". */
  private static final Set<String> HAVE = Set.of("a", "ont", "avait", "avaient", "aurait",
      "auraient", "aura", "auront", "eut", "eurent");

  /**
   * The roles an attack verb gives when "par" or "contre" did not: in the active voice ("X a
   * attaqué Y") the subject is the perpetrator and a direct object right after the verb the
   * target; in the passive ("Y a été attaqué") the subject is the target. A noun ("l'attaque")
   * gives none of these: its subject belongs to another verb.
   */
  private void verbalAttackRoles(Draft d, Trigger tr, List<Arg> actors, Sentence s) {
    List<Token> t = s.tokens();
    int before = tr.from() - 1;
    if (before < 0) {
      return;
    }
    boolean passive = t.get(before).key().equals("ete") && before > 0
        && HAVE.contains(t.get(before - 1).key());
    boolean active = !passive && HAVE.contains(t.get(before).key());
    if (!active && !passive) {
      return;
    }
    Entity subject = subject(actors, tr, s);
    if (subject != null && !subject.type().isActor()) {
      subject = null;
    }
    if (passive) {
      if (d.target == null && subject != null && !subject.equals(d.initiator)) {
        d.target = subject;
        d.add(subject);
      }
      return;
    }
    if (d.initiator == null && subject != null && !subject.equals(d.target)) {
      d.initiator = subject;
      d.add(subject);
    }
    if (d.target == null) {
      // the actor the mention stands for (a capital for its country), as for the subject
      for (Arg a : actors) {
        Entity object = actor(a);
        if (a.m().from() >= tr.to() && a.m().from() - tr.to() <= 2 && a.prep().isEmpty()
            && !a.topic() && !object.equals(d.initiator)) {
          d.target = object;
          d.add(object);
          break;
        }
      }
    }
  }

  /** The military rulers of a country, as an unnamed organisation. */
  static Entity junta(KbEntity country, String rule) {
    return new Entity("junta:" + country.id(), EntityType.ORGANIZATION,
        "militaires au pouvoir (" + country.nameFr() + ")", "military rulers ("
            + (country.nameEn() == null ? country.nameFr() : country.nameEn()) + ")", null, rule);
  }

  /** The country where a person held a head of state or government office. */
  private KbEntity officeCountry(Entity person) {
    return kb.officesOf(person.kb().id()).stream()
        .filter(o -> o.role().equals("head_of_state") || o.role().equals("head_of_government"))
        .map(o -> kb.get(o.country()).orElse(null)).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static int nextTrigger(Trigger tr, List<Trigger> all) {
    return all.stream().filter(o -> o.from() >= tr.to()).mapToInt(Trigger::from).min()
        .orElse(Integer.MAX_VALUE);
  }

  /**
   * "s'est entretenu avec X de/des/sur Y": the token where what they talked about starts, right
   * after the counterpart; the sentence length when there is none.
   */
  private static int topicAfterCounterpart(Sentence s, List<Arg> args, Trigger tr) {
    List<Token> t = s.tokens();
    for (Arg a : args) {
      if (a.m().from() >= tr.to() && a.prep().equals("avec")) {
        int k = a.m().to();
        if (k < t.size() && Set.of("de", "des", "du", "d'", "sur").contains(t.get(k).key())) {
          return k;
        }
      }
    }
    return t.size();
  }

  private String topicText(Sentence s, int from) {
    List<Token> t = s.tokens();
    int start = from + 1;
    int stop = start;
    while (stop < t.size() && !clauseEnd(t, stop)) {
      stop++;
    }
    if (stop <= start) {
      return null;
    }
    String text = s.span(start, stop).replaceAll("^[«»\"“”\\s]+|[«»\"“”\\s]+$", "");
    return text.length() > 2 ? text : null;
  }

  /** "a remercié X pour le soutien": the noun is the reason of the earlier event, not an event. */
  private static boolean isComplementOfEarlierTrigger(Sentence s, Trigger tr, List<Trigger> all) {
    List<Token> t = s.tokens();
    boolean earlier = all.stream().anyMatch(o -> o.to() <= tr.from() && o != tr);
    int k = tr.from() - 1;
    if (k >= 0 && Set.of("le", "la", "les", "l'", "son", "sa", "ses", "leur", "leurs")
        .contains(t.get(k).key())) {
      k--;
    }
    return earlier && k >= 0 && Set.of("pour", "de", "du", "des").contains(t.get(k).key())
        && !t.get(k).key().equals("de");
  }

  /** Initiator and target of a directed event: subject or "par" agent, then the object. */
  private void dyad(Draft d, Trigger tr, List<Arg> actors, Sentence s) {
    Entity agent = null;
    for (Arg a : actors) {
      if (a.m().from() >= tr.to() && a.prep().equals("par") && !a.topic()) {
        agent = actor(a);
        break;
      }
    }
    Entity subject = subject(actors, tr, s);
    Entity object = null;
    for (Arg a : actors) {
      if (a.m().from() >= tr.to() && !a.topic()
          && Set.of("", "avec", "contre", "a", "envers", "aupres").contains(a.prep())
          && !Objects.equals(actor(a), subject) && !Objects.equals(actor(a), agent)) {
        object = actor(a);
        break;
      }
    }
    if (agent != null) {
      d.initiator = agent;
      d.target = subject != null && !subject.equals(agent) ? subject : object;
    } else {
      d.initiator = subject;
      d.target = object;
    }
    if (d.type == EventClass.STATEMENT || d.type == EventClass.AGREEMENT) {
      for (Arg a : actors) {
        if (a.m().to() <= tr.from() && a.prep().isEmpty() && !a.topic()) {
          d.add(actor(a));
        }
      }
      d.initiator = null;
      d.target = null;
      if (d.participants.size() > 1) {
        collapseCountries(d);
      }
      return;
    }
    d.add(d.initiator);
    if (d.target != null && d.target.equals(d.initiator)) {
      d.target = null;
    }
    d.add(d.target);
  }

  /**
   * The subject: the first ungoverned actor of the trigger's clause; when the clause opens with a
   * comma (an apposition or a fronted phrase), the first one of the sentence before it.
   */
  private Entity subject(List<Arg> actors, Trigger tr, Sentence s) {
    List<Token> t = s.tokens();
    int open = -1;
    for (int k = tr.from() - 1; k >= 0; k--) {
      if (CLAUSE_OPENERS.contains(t.get(k).key()) && !t.get(k).text().equals("ou")) {
        open = k;
        break;
      }
    }
    for (Arg a : actors) {
      if (a.m().from() > open && a.m().to() <= tr.from() && a.prep().isEmpty() && !a.topic()) {
        return actor(a);
      }
    }
    if (open >= 0 && !t.get(open).key().equals(",")) {
      return null;
    }
    for (Arg a : actors) {
      if (a.m().to() <= tr.from() && a.prep().isEmpty() && !a.topic()) {
        return actor(a);
      }
    }
    return null;
  }

  /** "à l'initiative de X": X, or the participant of X's country. */
  private Entity initiative(Sentence s, List<Arg> args, Draft d) {
    for (Lexicon.Entry e : lex.ofKind("initiative")) {
      int[] m = e.pattern().find(s.tokens(), 0, s.tokens().size());
      if (m == null) {
        continue;
      }
      for (Arg a : args) {
        if (a.m().from() >= m[1] && a.m().from() <= m[1] + 2) {
          Entity x = actor(a);
          if (x == null) {
            return null;
          }
          if (x.type() == EntityType.COUNTRY) {
            for (Entity p : d.participants) {
              if (x.kb().id().equals(p.country()) && p.type() == EntityType.PERSON) {
                return p;
              }
            }
          }
          return x;
        }
      }
    }
    return null;
  }

  /** The actor a mention stands for: capitals used as actors stand for their country. */
  private Entity actor(Arg a) {
    Entity e = a.e();
    if (e.type().isActor()) {
      return e;
    }
    if (e.kb() != null && !Set.of("a", "en", "dans", "de", "vers", "depuis", "pres", "sur", "chez")
        .contains(a.prep())) {
      KbEntity c = kb.standsFor(e.kb()).orElse(null);
      return c == null || !c.type().isActor() ? null : Entity.of(c, "metonym:" + e.kb().id());
    }
    return null;
  }

  /** Drops a country, or a metonym for it, when a person of that country takes part. */
  private static void collapseCountries(Draft d) {
    Set<String> personCountries = new LinkedHashSet<>();
    for (Entity p : d.participants) {
      if (p.type() == EntityType.PERSON && p.country() != null) {
        personCountries.add(p.country());
      }
    }
    d.participants.removeIf(e -> e.type() != EntityType.PERSON && e.kb() != null
        && (e.type() == EntityType.COUNTRY && personCountries.contains(e.kb().id())
            || e.kb().metonymFor() != null && personCountries.contains(e.kb().metonymFor())));
  }

  private List<String> topics(Sentence s) {
    List<String> out = new ArrayList<>();
    for (int[] span : topicSpans(s)) {
      String text = s.span(span[0], span[1]).replaceAll("^[«»\"“”\\s]+|[«»\"“”\\s]+$", "");
      if (text.length() > 2 && !out.contains(text)) {
        out.add(text);
      }
    }
    return out;
  }

  /** The place: a place mention governed by à, en, dans, près de, "secteur de"... */
  private Entity place(Sentence s, List<Arg> args, Trigger tr, boolean specific) {
    Entity best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Arg a : args) {
      Entity e = a.e();
      if (!e.type().isPlace() || a.topic()) {
        continue;
      }
      boolean locative = Set.of("a", "en", "dans", "pres", "sur").contains(a.prep())
          || a.prep().equals("de") && a.m().from() >= 2
              && Set.of("secteur", "region", "ville", "localite", "village", "province", "nord",
                  "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "centre",
                  "environs", "pres", "large")
                  .contains(s.tokens().get(Math.max(0, a.m().from() - (a.m().text().startsWith("l") ? 1 : 2))).key());
      if (!locative && !(a.prep().equals("de") && precededByWord(s, a.m(), "fleuve"))) {
        continue;
      }
      int rank = switch (e.type()) {
        case CITY, FACILITY -> 0;
        case REGION -> 1;
        case RIVER, LAKE -> 2;
        default -> 3;
      };
      if (!specific) {
        rank = a.m().from() >= tr.to() ? 0 : 1;
      }
      if (rank < bestRank) {
        best = e;
        bestRank = rank;
      }
    }
    return best;
  }

  private static boolean precededByWord(Sentence s, Mention m, String word) {
    for (int k = Math.max(0, m.from() - 3); k < m.from(); k++) {
      if (s.tokens().get(k).key().equals(word)) {
        return true;
      }
    }
    return false;
  }

  // ---- status

  private Status status(Sentence s, Trigger tr, List<Trigger> all) {
    if (tr.type() == EventClass.DENIAL) {
      return Status.OCCURRED;
    }
    List<Token> t = s.tokens();
    if (tr.type().isInteraction() && all.stream()
        .anyMatch(o -> o.type() == EventClass.DENIAL && o.to() <= tr.from())) {
      return Status.DENIED;
    }
    boolean unconfirmed = lex.ofKind("unconfirmed").stream()
        .anyMatch(e -> e.pattern().find(t, 0, t.size()) != null);
    int from = Math.max(0, tr.from() - 15);
    for (int k = tr.from() - 1; k >= from; k--) {
      if (t.get(k).key().equals(",") || t.get(k).key().equals(";")) {
        from = k + 1;
        break;
      }
    }
    // cues after the trigger count up to the end of its clause ("un entretien ... est prévu lundi")
    int to = tr.to();
    while (to < t.size() && to < tr.to() + 8 && !t.get(to).key().equals(",")
        && !t.get(to).key().equals(";")) {
      to++;
    }
    Status found = null;
    for (Lexicon.Entry e : lex.ofKind("status")) {
      for (int i = from; i < to; i++) {
        if (i > tr.to() + 2 && !AFTER_CUES.contains(e.id())) {
          break; // far after the trigger only "est prévu", "n'a pas eu lieu" speak of it
        }
        int end = e.pattern().matchAt(t, i);
        if (end > i && end <= Math.min(t.size(), to + 2)) {
          Status st = Status.valueOf(e.value().toUpperCase(java.util.Locale.ROOT));
          if (found == null || STATUS_PRIORITY.indexOf(st) < STATUS_PRIORITY.indexOf(found)) {
            found = st;
          }
        }
      }
    }
    if (found == null && future(t, tr)) {
      found = Status.PLANNED;
    }
    if (found == null && unconfirmed) {
      found = Status.ALLEGED;
    }
    return found == null ? Status.OCCURRED : found;
  }

  private static boolean future(List<Token> t, Trigger tr) {
    for (int i = tr.from(); i < tr.to(); i++) {
      String k = t.get(i).key();
      if (k.length() > 5 && (k.endsWith("ra") || k.endsWith("ront") || k.endsWith("rons"))
          && !k.endsWith("tra") && !k.equals("contra")) {
        return true;
      }
    }
    return false;
  }

  // ---- dates: each date expression goes to the nearest trigger

  private void assignDates(Sentence s, List<Trigger> triggers, List<Draft> drafts, PartialDate pub) {
    if (drafts.isEmpty()) {
      return;
    }
    List<Draft> extra = new ArrayList<>();
    DateFinder.DateMention previous = null;
    for (DateFinder.DateMention dm : dates.find(s, pub)) {
      if (dm.bound() || dm.from() > 0 && isReportVerb(s.tokens().get(dm.from() - 1))
          || s.tokens().get(dm.from()).start() < datelineEnd) {
        continue; // "a indiqué mardi que ...": the day of the report, not of the event
      }
      Draft best = null;
      int bestDist = Integer.MAX_VALUE;
      for (Draft d : drafts) {
        int dist = dm.from() >= d.to ? dm.from() - d.to : (d.from - dm.to()) + 1;
        if (dist < bestDist) {
          best = d;
          bestDist = dist;
        }
      }
      boolean coordinated = previous != null && dm.from() == previous.to() + 1
          && s.tokens().get(previous.to()).key().equals("et");
      previous = dm;
      if (best != null && best.dateExpression != null && plural(best) && coordinated
          && dm.date() != null && !dm.date().equals(best.date)) {
        // "deux coups d'État en 2020 et 2021": one event per date
        Draft copy = copyOf(best);
        copy.date = dm.date();
        copy.dateExpression = dm.text();
        extra.add(copy);
        continue;
      }
      if (best != null && best.dateExpression == null) {
        best.date = dm.date();
        best.dateExpression = dm.text();
        String rule = dm.rule();
        if (dm.date() == null && rule.equals("weekday-unresolved")) {
          // "ce mardi" in an article that gives "mardi 7 février 2023" elsewhere
          java.time.DayOfWeek wd = DateFinder.weekday(s.tokens().get(dm.to() - 1).key());
          List<PartialDate> same = anchors.stream().distinct()
              .filter(a -> a.start().getDayOfWeek() == wd).toList();
          if (same.size() == 1) {
            best.date = same.get(0);
            rule = "weekday-of-a-date-in-the-article";
          }
        }
        Event.Evidence ev = best.evidence.get(0);
        List<String> rules = new ArrayList<>(ev.rules());
        rules.add("date." + rule);
        best.evidence.set(0, new Event.Evidence(ev.sentence(), ev.start(), ev.end(), ev.text(),
            ev.trigger(), rules));
      }
    }
    drafts.addAll(extra);
  }

  private static boolean plural(Draft d) {
    String trig = d.evidence.get(0).trigger();
    String first = trig.split("[ ']")[0].toLowerCase(java.util.Locale.ROOT);
    return first.length() > 3 && (first.endsWith("s") || first.endsWith("x"));
  }

  private static Draft copyOf(Draft d) {
    Draft c = new Draft();
    c.type = d.type;
    c.status = d.status;
    c.participants.addAll(d.participants);
    c.initiator = d.initiator;
    c.target = d.target;
    c.place = d.place;
    c.topics.addAll(d.topics);
    c.reportedBy = d.reportedBy;
    c.casualties = d.casualties;
    c.evidence.addAll(d.evidence);
    c.sentence = d.sentence;
    c.from = d.from;
    c.to = d.to;
    return c;
  }




  // ---- events that took place during an interaction

  private void linkDuring(Sentence s, List<Trigger> triggers, List<Draft> here, List<Draft> before) {
    List<Token> t = s.tokens();
    Draft host = null;
    for (Draft d : here) {
      if (!d.type.isInteraction()) {
        continue;
      }
      for (int k = Math.max(0, d.from - 4); k < d.from; k++) {
        if (DURING.contains(t.get(k).key())) {
          host = d;
          d.during = true;
        }
      }
    }
    boolean continuation = t.stream().limit(8).anyMatch(x -> CONTINUATION.contains(x.key()));
    Draft lastInteraction = null;
    for (int k = before.size() - 1; k >= 0; k--) {
      if (before.get(k).type.isInteraction() && before.get(k).status == Status.OCCURRED) {
        lastInteraction = before.get(k);
        break;
      }
    }
    for (Draft d : here) {
      if (d == host || !SPEECH_ACTS.contains(d.type)) {
        continue;
      }
      if (host != null) {
        d.partOf = host;
      } else if (continuation && lastInteraction != null && d.initiator != null
          && d.initiator.type() == EntityType.PERSON && lastInteraction.participants.contains(d.initiator)
          && s.index() - lastInteraction.sentence <= 6 && d.date == null) {
        d.partOf = lastInteraction;
      }
      if (d.partOf != null && d.target == null && d.initiator != null
          && d.type != EventClass.ATTACK) {
        for (Entity p : d.partOf.participants) {
          if (!p.equals(d.initiator)) {
            d.target = p;
            d.add(p);
            break;
          }
        }
      }
    }
  }

  /** "Les deux dirigeants ont évoqué X": topics of the interaction those persons took part in. */
  private void addTopicsToLastInteraction(Sentence s, List<Arg> args, List<Draft> drafts) {
    List<String> topics = topics(s);
    if (topics.isEmpty()) {
      return;
    }
    List<Entity> subjects = args.stream().filter(a -> a.prep().isEmpty() && !a.topic() && !a.source())
        .map(Arg::e).toList();
    for (int k = drafts.size() - 1; k >= 0; k--) {
      Draft d = drafts.get(k);
      if (d.type.isInteraction() && !subjects.isEmpty() && d.participants.containsAll(subjects)
          && s.index() - d.sentence <= 3) {
        for (String topic : topics) {
          if (!d.topics.contains(topic)) {
            d.topics.add(topic);
          }
        }
        d.evidence.add(new Event.Evidence(s.index(), s.start(), s.end(), s.text(), topics.get(0),
            List.of("topic.of-previous-interaction")));
        return;
      }
    }
  }

  // ---- casualties: "au moins 64 personnes, 49 civils et 15 soldats, ont été tués"

  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4), Map.entry("cinq", 5),
      Map.entry("six", 6), Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9),
      Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12), Map.entry("treize", 13),
      Map.entry("quatorze", 14), Map.entry("quinze", 15), Map.entry("seize", 16),
      Map.entry("vingt", 20), Map.entry("trente", 30), Map.entry("quarante", 40),
      Map.entry("cinquante", 50), Map.entry("soixante", 60), Map.entry("cent", 100));
  private static final Set<String> PEOPLE = Set.of("personnes", "morts", "victimes", "tues",
      "gens", "deces");
  private static final Set<String> CIVILIANS = Set.of("civils", "civiles", "passagers", "villageois");
  private static final Set<String> MILITARY = Set.of("soldats", "militaires", "gendarmes",
      "policiers", "combattants");
  private static final Set<String> KILLED = Set.of("tues", "tuees", "tue", "morts", "mort",
      "peri", "decede", "decedes", "victimes", "massacres", "tuant");

  private Event.Casualties casualties(Sentence s) {
    List<Token> t = s.tokens();
    if (t.stream().noneMatch(x -> KILLED.contains(x.key()))) {
      return null;
    }
    Integer total = null;
    Integer civ = null;
    Integer mil = null;
    boolean min = false;
    boolean minimumBefore = false;
    for (int i = 0; i + 1 < t.size(); i++) {
      Integer n = number(t.get(i));
      if (n == null) {
        continue;
      }
      String next = t.get(i + 1).key();
      if (PEOPLE.contains(next) && total == null) {
        total = n;
        min = atLeast(t, i);
      } else if (CIVILIANS.contains(next) && civ == null) {
        civ = n;
        minimumBefore |= atLeast(t, i);
      } else if (MILITARY.contains(next) && mil == null) {
        mil = n;
        minimumBefore |= atLeast(t, i);
      }
    }
    if (total == null && civ == null && mil == null) {
      return null;
    }
    if (total == null) {
      // "au moins 12 soldats ont été tués": the only count given is the toll
      total = civ == null ? mil : mil == null ? civ : Integer.valueOf(civ + mil);
      min = minimumBefore;
    }
    return new Event.Casualties(total, civ, mil, min);
  }

  /** "au moins N", "plus de N". */
  private static boolean atLeast(List<Token> t, int i) {
    return i >= 2 && (t.get(i - 2).key().equals("au") && t.get(i - 1).key().equals("moins")
        || t.get(i - 2).key().equals("plus") && t.get(i - 1).key().equals("de"));
  }

  private static Integer number(Token t) {
    if (t.number() && t.key().length() <= 6) {
      return Integer.valueOf(t.key());
    }
    return NUMBER_WORDS.get(t.key());
  }

  // ---- merging within the article

  private List<Draft> merge(List<Draft> drafts) {
    List<Draft> out = new ArrayList<>();
    for (Draft d : drafts) {
      Draft same = null;
      for (Draft o : out) {
        if (sameEvent(o, d)) {
          same = o;
          break;
        }
      }
      if (same == null) {
        out.add(d);
        continue;
      }
      absorb(same, d);
      for (Draft x : drafts) {
        if (x.partOf == d) {
          x.partOf = same;
        }
      }
    }
    return out;
  }

  private static boolean sameEvent(Draft a, Draft b) {
    boolean classes = a.type == b.type || a.type.isInteraction() && b.type.isInteraction()
        && (a.type == EventClass.INTERACTION || b.type == EventClass.INTERACTION);
    if (a.type == EventClass.ATTACK && b.type == EventClass.ATTACK && a.status == b.status) {
      boolean sameDay = a.date != null && a.date.equals(b.date);
      boolean oneUndated = a.date == null || b.date == null;
      boolean sameTarget = a.target != null && a.target.equals(b.target);
      if (sameDay && unnamed(a) && unnamed(b) || oneUndated && sameTarget) {
        return true;
      }
    }
    boolean statuses = a.status == b.status || Set.of(a.status, b.status)
        .equals(Set.of(Status.DENIED, Status.ALLEGED));
    return classes && statuses
        && new LinkedHashSet<>(a.participants).equals(new LinkedHashSet<>(b.participants))
        && (a.date == null || b.date == null || a.date.equals(b.date))
        && (a.type != EventClass.ATTACK || a.date != null && b.date != null);
  }

  /** Only unnamed groups (or nobody) as participants. */
  private static boolean unnamed(Draft d) {
    return d.participants.stream().allMatch(e -> e.key().startsWith("group:"));
  }

  private static void absorb(Draft into, Draft d) {
    if (d.status == Status.DENIED) {
      into.status = Status.DENIED;
    }
    boolean intoHasGroup = into.participants.stream().anyMatch(e -> e.key().startsWith("group:"));
    for (Entity e : d.participants) {
      // "des terroristes" here, "des jihadistes" there: one unnamed group, described twice
      if (!(intoHasGroup && e.key().startsWith("group:"))) {
        into.add(e);
      }
    }
    if (into.type == EventClass.INTERACTION) {
      into.type = d.type;
    }
    if (into.date == null) {
      into.date = d.date;
      into.dateExpression = d.dateExpression;
    }
    if (into.initiator == null && into.participants.contains(d.initiator)) {
      into.initiator = d.initiator;
    }
    if (into.target == null && into.participants.contains(d.target) && !d.target.equals(into.initiator)) {
      into.target = d.target;
    }
    if (into.place == null || d.place != null && into.place.type() == EntityType.COUNTRY
        && d.place.type() != EntityType.COUNTRY) {
      into.place = d.place;
    }
    if (into.type == EventClass.PHONE_CALL) {
      into.place = null; // a call has no one place
    }
    into.reportedBy = into.reportedBy != null ? into.reportedBy : d.reportedBy;
    into.casualties = into.casualties != null ? into.casualties : d.casualties;
    for (String topic : d.topics) {
      if (!into.topics.contains(topic)) {
        into.topics.add(topic);
      }
    }
    into.evidence.addAll(d.evidence);
  }

  private static List<Event> finish(List<Draft> all) {
    // "la dernière attaque": an attack with nothing of its own refers back to one already read
    List<Draft> drafts = new ArrayList<>();
    for (Draft d : all) {
      if (SPEECH_ACTS.contains(d.type) && d.participants.isEmpty()) {
        continue; // a statement by nobody we know says nothing a query can use
      }
      boolean nothingOwn = d.type == EventClass.ATTACK && d.date == null && d.place == null
          && d.casualties == null;
      Draft earlier = null;
      for (Draft o : drafts) {
        if (o.type == EventClass.ATTACK) {
          earlier = o;
        }
      }
      if (nothingOwn && earlier != null && (d.participants.isEmpty() || d.definite)) {
        // "la dernière attaque", "les deux attaques ont été revendiquées par X": the attack(s) above
        earlier.evidence.addAll(d.evidence);
        boolean hasGroup = earlier.participants.stream().anyMatch(e -> e.key().startsWith("group:"));
        for (Entity e : d.participants) {
          if (!(hasGroup && e.key().startsWith("group:"))) {
            earlier.add(e);
          }
        }
        if (earlier.initiator == null && earlier.participants.contains(d.initiator)) {
          earlier.initiator = d.initiator;
        }
        continue;
      }
      drafts.add(d);
    }
    for (Draft d : drafts) {
      if (d.partOf != null && !drafts.contains(d.partOf)) {
        d.partOf = null;
      }
    }
    List<Event> out = new ArrayList<>();
    for (Draft d : drafts) {
      PartialDate date = d.date;
      String expr = d.dateExpression;
      if (date == null && d.partOf != null && d.partOf.date != null) {
        date = d.partOf.date;
        expr = d.partOf.dateExpression;
      }
      int partOf = d.partOf == null ? -1 : drafts.indexOf(d.partOf);
      out.add(new Event(d.type, d.status, d.participants, d.initiator, d.target, date, expr, d.place,
          d.topics, d.reportedBy, d.casualties, d.evidence, partOf));
    }
    return out;
  }
}
