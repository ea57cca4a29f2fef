package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsgraph.article.Article;
import org.newsgraph.article.PartialDate;
import org.newsgraph.kb.Gazetteer;

/** One phenomenon per test, on sentences written for the purpose. */
class ExtractorTest {

  private static final Extractor X = new Extractor(Gazetteer.bundled(), Lexicon.bundled());

  static Extraction read(String date, String text) {
    return X.extract(Article.of("t", PartialDate.parse(date), null, text, null, "fr", "test"));
  }

  static List<Event> events(String date, String text, EventClass type) {
    return read(date, text).events().stream().filter(e -> e.type() == type).toList();
  }

  static Set<String> qids(List<Entity> es) {
    return es.stream().map(e -> e.qid() == null ? e.nameFr() : e.qid()).collect(Collectors.toSet());
  }

  @Test
  void phoneCallWithDateAndCaller() {
    List<Event> calls = events("2022-03",
        "Emmanuel Macron a appelé Vladimir Poutine jeudi 3 mars, a annoncé l'Elysée.", EventClass.PHONE_CALL);
    assertEquals(1, calls.size());
    Event c = calls.get(0);
    assertEquals(Set.of("Q3052772", "Q7747"), qids(c.participants()));
    assertEquals("Q3052772", c.initiator().qid());
    assertEquals("2022-03-03", c.date().toString());
    assertEquals(Status.OCCURRED, c.status());
  }

  @Test
  void appealIsNotAPhoneCall() {
    Extraction x = read("2023-09", "Emmanuel Macron a appelé Vladimir Poutine à la retenue.");
    assertTrue(x.events().stream().noneMatch(e -> e.type() == EventClass.PHONE_CALL), x.events().toString());
    assertTrue(x.events().stream().anyMatch(e -> e.type() == EventClass.APPEAL), x.events().toString());
  }

  @Test
  void talksWithoutAPhoneWordAreNotAPhoneCall() {
    Extraction x = read("2023-02",
        "En visite à Bamako, Sergueï Lavrov s'est entretenu avec Assimi Goïta mardi 7 février.");
    assertTrue(x.events().stream().noneMatch(e -> e.type() == EventClass.PHONE_CALL), x.events().toString());
    assertTrue(x.events().stream().anyMatch(e -> e.type().isInteraction()
        && qids(e.participants()).contains("Q98497406")), x.events().toString());
  }

  @Test
  void onlyAPhoneWordMakesAPhoneCall() {
    List<Event> calls = events("2023-02",
        "Sergueï Lavrov s'est entretenu au téléphone avec Assimi Goïta mardi 7 février.", EventClass.PHONE_CALL);
    assertEquals(1, calls.size());
  }

  @Test
  void plannedCallIsNotAsserted() {
    Extraction x = read("2022-02",
        "Emmanuel Macron s'entretiendra par téléphone avec Vladimir Poutine dimanche.");
    assertTrue(x.events().stream().allMatch(e -> e.status() != Status.OCCURRED), x.events().toString());
  }

  @Test
  void deniedCallIsNotAsserted() {
    Extraction x = read("2024-11",
        "Le Kremlin dément tout entretien téléphonique entre Vladimir Poutine et Donald Trump.");
    List<Event> calls = x.events().stream().filter(e -> e.type() == EventClass.PHONE_CALL).toList();
    assertEquals(1, calls.size(), x.events().toString());
    assertEquals(Status.DENIED, calls.get(0).status());
  }

  @Test
  void hypotheticalCallIsNotAsserted() {
    Extraction x = read("2024-11",
        "Donald Trump pourrait s'entretenir au téléphone avec Vladimir Poutine.");
    assertTrue(x.events().stream().allMatch(e -> e.status() != Status.OCCURRED), x.events().toString());
  }

  @Test
  void notHavingSpokenSinceADateIsNoCallOnThatDate() {
    Extraction x = read("2022-03",
        "Emmanuel Macron et Vladimir Poutine ne s'étaient pas parlé depuis le 24 février.");
    for (Event e : x.events()) {
      assertTrue(e.status() != Status.OCCURRED, e.toString());
      assertNull(e.date(), e.toString());
    }
  }

  @Test
  void roleIsResolvedToTheHolderAtTheArticleDate() {
    String text = "Le président américain a téléphoné au président russe Vladimir Poutine.";
    Event in2022 = events("2022-03", text, EventClass.PHONE_CALL).get(0);
    Event in2025 = events("2025-03", text, EventClass.PHONE_CALL).get(0);
    assertTrue(qids(in2022.participants()).contains("Q6279"), in2022.toString());
    assertTrue(qids(in2025.participants()).contains("Q22686"), in2025.toString());
  }

  @Test
  void riverIsNotTheCountry() {
    Extraction x = read("2023-09", "Un bateau a été attaqué sur le Niger, près de Gao. Le Niger a réagi.");
    Set<String> types = x.mentions().stream().filter(m -> m.text().equals("Niger"))
        .map(m -> m.entity().type().name()).collect(Collectors.toSet());
    assertEquals(Set.of("RIVER", "COUNTRY"), types);
  }

  @Test
  void casualtiesOfAnAttack() {
    Event a = events("2023-09",
        "Au moins 12 personnes, dont 8 civils et 4 soldats, ont été tuées dans une attaque près de Gao mardi 5 septembre.",
        EventClass.ATTACK).get(0);
    assertEquals(12, a.casualties().killed());
    assertEquals(8, a.casualties().civilians());
    assertEquals(4, a.casualties().military());
    assertTrue(a.casualties().minimum());
    assertEquals("2023-09-05", a.date().toString());
  }

  @Test
  void theSubjectOfAnActiveAttackVerbIsThePerpetratorAndItsObjectTheTarget() {
    Event a = events("2024-03", "Le JNIM a attaqué l'armée malienne à Ménaka.", EventClass.ATTACK)
        .get(0);
    assertEquals("Groupe de soutien à l'islam et aux musulmans", a.initiator().nameFr());
    assertEquals("Q912", a.target().qid(), "the Malian army stands for Mali");
    assertEquals("Ménaka", a.place().nameFr());
  }

  @Test
  void aCapitalAsTheObjectOfAnAttackVerbStandsForItsCountry() {
    Event a = events("2022-03", "Moscou a attaqué Kiev.", EventClass.ATTACK).get(0);
    assertEquals("Q159", a.initiator().qid());
    assertEquals("Q212", a.target().qid());
  }

  @Test
  void theSubjectOfAPassiveAttackVerbIsTheTarget() {
    Event a = events("2024-03", "L'armée malienne a été attaquée par le JNIM près de Gao.",
        EventClass.ATTACK).get(0);
    assertEquals("Q912", a.target().qid());
    assertEquals("Groupe de soutien à l'islam et aux musulmans", a.initiator().nameFr());
  }

  @Test
  void theAttackVerbTakesItsSubjectFromItsOwnClause() {
    Event a = events("2024-03", "Le gouvernement malien affirme que des jihadistes ont attaqué un "
        + "camp près de Gao.", EventClass.ATTACK).get(0);
    assertEquals("jihadistes", a.initiator().nameFr());
    assertNull(a.target(), "a camp is no actor: " + a);
    Event noun = events("2024-03", "Le Mali a condamné l'attaque près de Gao.", EventClass.ATTACK)
        .get(0);
    assertNull(noun.initiator(), "the noun has no subject of its own: " + noun);
  }

  @Test
  void capitalAsActorStandsForItsCountry() {
    Event acc = events("2023-09", "Moscou a accusé Kiev de préparer une offensive.", EventClass.ACCUSATION).get(0);
    assertEquals("Q159", acc.initiator().qid());
    assertEquals("Q212", acc.target().qid());
  }

  @Test
  void evidenceOffsetsPointAtTheSentence() {
    Extraction x = read("2023-09", "Titre.\n\nEmmanuel Macron a appelé Vladimir Poutine samedi 2 septembre.");
    Event.Evidence ev = x.events().get(0).evidence().get(0);
    assertEquals(ev.text(), x.article().text().substring(ev.start(), ev.end()));
    assertTrue(ev.rules().stream().anyMatch(r -> r.startsWith("trigger.")), ev.rules().toString());
  }

  @Test
  void aDatelineDatesBareWeekdaysAndYesterday() {
    Event c = events("2023-08", "BAMAKO, 28 août (AFP) - Assimi Goïta s'est entretenu hier au téléphone "
        + "avec Vladimir Poutine.", EventClass.PHONE_CALL).get(0);
    assertEquals("2023-08-27", c.date().toString());
    assertEquals("hier", c.dateExpression());
  }

  @Test
  void withoutADatelineYesterdayStaysUndated() {
    Event c = events("2023-08", "Assimi Goïta s'est entretenu hier au téléphone avec Vladimir Poutine.",
        EventClass.PHONE_CALL).get(0);
    assertNull(c.date());
    assertEquals("hier", c.dateExpression());
  }

  @Test
  void aBareWeekdayTakesTheDateTheArticleGivesForIt() {
    Extraction x = read("2023-02", "Sergueï Lavrov est arrivé à Bamako ce mardi pour une visite. "
        + "Assimi Goïta l'a reçu en audience mardi 7 février.");
    Event visit = x.events().stream().filter(e -> e.type() == EventClass.VISIT).findFirst().orElseThrow();
    assertEquals("2023-02-07", visit.date().toString());
  }

  @Test
  void aCounterpartIsTheHolderOfTheSameOffice() {
    Event c = events("2024-03", "Le président turc Recep Tayyip Erdogan s'est entretenu au téléphone "
        + "mardi 12 mars avec son homologue russe.", EventClass.PHONE_CALL).get(0);
    assertEquals(Set.of("Q39259", "Q7747"), qids(c.participants()));
  }

  @Test
  void unknownNamesAreTypedByTheWordBeforeThem() {
    Extraction x = read("2024-03", "Le parti Pastef a accusé le général Moussa Diallo de fraude.");
    Set<String> kinds = x.mentions().stream().map(m -> m.text() + "=" + m.entity().type())
        .collect(Collectors.toSet());
    assertTrue(kinds.contains("Pastef=ORGANIZATION"), kinds.toString());
    assertTrue(kinds.contains("Moussa Diallo=PERSON"), kinds.toString());
  }

  @Test
  void anAmbiguousDemonymTakesTheCountryTheArticleNames() {
    String call = " Le président congolais a téléphoné à Emmanuel Macron jeudi 7 mars.";
    Event kinshasa = events("2024-03", "La RDC accuse le Rwanda de soutenir des rebelles. La RDC réclame "
        + "des sanctions." + call, EventClass.PHONE_CALL).get(0);
    Event brazzaville = events("2024-03", "Le Congo-Brazzaville accueille un sommet. Le Congo-Brazzaville "
        + "prépare des élections." + call, EventClass.PHONE_CALL).get(0);
    Set<String> a = kinshasa.participants().stream().map(Entity::nameFr).collect(Collectors.toSet());
    Set<String> b = brazzaville.participants().stream().map(Entity::nameFr).collect(Collectors.toSet());
    assertTrue(a.contains("Félix Tshisekedi"), a.toString());
    assertTrue(b.contains("Denis Sassou Nguesso"), b.toString());
  }

  @Test
  void aCallSaidToBeScheduledLaterInItsClauseIsPlanned() {
    Event c = events("2023-09", "Un entretien téléphonique entre Emmanuel Macron et Olaf Scholz est prévu "
        + "lundi 25 septembre.", EventClass.PHONE_CALL).get(0);
    assertEquals(Status.PLANNED, c.status());
  }

  @Test
  void theVotingBodyMayBeTheSubject() {
    Event v = events("2023-09", "Le 18 septembre, l'Union africaine a adopté lundi une nouvelle résolution.",
        EventClass.VOTE).get(0);
    assertEquals(Set.of("Q7159"), qids(v.participants()));
  }
}
