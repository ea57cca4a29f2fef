package org.newsgraph.rdf;

import org.apache.jena.riot.system.PrefixMap;

/** The prefixes written in newsgraph's RDF output. */
public final class Prefixes {

  private Prefixes() {}

  public static void apply(PrefixMap pm, String base) {
    pm.add("ng", NG.NS);
    pm.add("sem", NG.SEM);
    pm.add("schema", NG.SCHEMA);
    pm.add("prov", NG.PROV);
    pm.add("owl", NG.OWL);
    pm.add("rdfs", NG.RDFS);
    pm.add("xsd", NG.XSD);
    pm.add("geo", NG.GEO);
    pm.add("wd", NG.WD);
    pm.add("ent", base + "entity/");
    pm.add("ev", base + "event/");
    pm.add("art", base + "article/");
  }
}
