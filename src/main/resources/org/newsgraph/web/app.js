/* newsgraph viewer: the network of actors and places linked by events, read from the server's
 * SPARQL endpoint. No build step; Cytoscape.js and YASGUI are vendored under vendor/. */
(function () {
  'use strict';

  var NG = 'https://w3id.org/newsgraph/ontology#';
  var PREFIXES = 'PREFIX ng: <' + NG + '>\n' +
    'PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n' +
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n' +
    'PREFIX owl: <http://www.w3.org/2002/07/owl#>\n' +
    'PREFIX schema: <https://schema.org/>\n';
  var INTERACTIONS = ['PhoneCall', 'Meeting', 'Visit', 'Interaction'];
  var NODE_COLORS = { Person: '#4E79A7', Organization: '#F28E2B', Country: '#59A14F', City: '#76B7B2',
    Region: '#EDC948', River: '#9C755F', Place: '#B6992D', Actor: '#BAB0AC' };
  var EDGE_COLORS = { PhoneCall: '#E15759', Meeting: '#B07AA1', Visit: '#FF9DA7', Interaction: '#D37295',
    Statement: '#79706E', Accusation: '#8CD17D', Threat: '#F1CE63', Condolence: '#86BCB6', Thanks: '#A0CBE8',
    Support: '#59A14F', Attack: '#D4A6C8', Coup: '#9D7660', Vote: '#499894', Sanction: '#FABFD2',
    Agreement: '#4E79A7', Appeal: '#B6992D', Denial: '#BAB0AC' };
  var PLACE_CLASSES = ['City', 'Region', 'River', 'Place'];

  var TEXT = {
    fr: {
      'tab.network': 'Réseau', 'tab.calls': 'Appels', 'tab.sparql': 'SPARQL', 'filters': 'Filtres',
      'filter.classes': "Types d'événement", 'filter.all': 'tous', 'filter.none': 'aucun',
      'filter.dates': 'Période', 'filter.from': 'du', 'filter.to': 'au',
      'filter.undated': 'événements sans date', 'filter.actor': 'Acteur ou lieu',
      'filter.actor.placeholder': 'nom', 'filter.reset': 'Réinitialiser',
      'details.hint': 'Cliquez sur un nœud ou un lien pour voir ses détails.',
      'calls.all': 'tous les événements (pas seulement les appels, rencontres et visites)',
      'col.date': 'Date', 'col.class': 'Type', 'col.participants': 'Participants',
      'col.initiator': "À l'initiative de", 'col.evidence': 'Phrase source',
      'sparql.queries': 'Requêtes fournies', 'sparql.choose': '— choisir —', 'sparql.endpoint': 'Point d’accès : ',
      'counts': '{n} nœuds, {e} liens, {v} événements', 'loading': 'Chargement du graphe…',
      'loaded': 'Graphe chargé', 'error': 'Erreur : ', 'truncated': ' (résultats tronqués à la limite du serveur)',
      'd.class': 'Type', 'd.date': 'Date', 'd.status': 'Statut', 'd.cameo': 'Code CAMEO',
      'd.participants': 'Participants', 'd.initiator': "À l'initiative de", 'd.target': 'Cible',
      'd.place': 'Lieu', 'd.evidence': 'Phrases sources', 'd.article': 'Article', 'd.events': 'Événements',
      'd.links': 'Liens', 'd.page': 'page de données', 'd.iri': 'IRI', 'd.kind': 'Nature',
      'kind.actor': 'acteur', 'kind.place': 'lieu', 'd.noevidence': '(aucune phrase)',
      'legend.nodes': 'Nœuds', 'legend.edges': 'Liens (événements)', 'none': '(aucun)', 'undated': 'sans date'
    },
    en: {
      'tab.network': 'Network', 'tab.calls': 'Calls', 'tab.sparql': 'SPARQL', 'filters': 'Filters',
      'filter.classes': 'Event types', 'filter.all': 'all', 'filter.none': 'none',
      'filter.dates': 'Dates', 'filter.from': 'from', 'filter.to': 'to',
      'filter.undated': 'undated events', 'filter.actor': 'Actor or place',
      'filter.actor.placeholder': 'name', 'filter.reset': 'Reset',
      'details.hint': 'Click a node or an edge to see its details.',
      'calls.all': 'all events (not only calls, meetings and visits)',
      'col.date': 'Date', 'col.class': 'Type', 'col.participants': 'Participants',
      'col.initiator': 'Initiated by', 'col.evidence': 'Evidence sentence',
      'sparql.queries': 'Bundled queries', 'sparql.choose': '— choose —', 'sparql.endpoint': 'Endpoint: ',
      'counts': '{n} nodes, {e} edges, {v} events', 'loading': 'Loading the graph…',
      'loaded': 'Graph loaded', 'error': 'Error: ', 'truncated': ' (results cut at the server limit)',
      'd.class': 'Type', 'd.date': 'Date', 'd.status': 'Status', 'd.cameo': 'CAMEO code',
      'd.participants': 'Participants', 'd.initiator': 'Initiated by', 'd.target': 'Target',
      'd.place': 'Place', 'd.evidence': 'Evidence', 'd.article': 'Article', 'd.events': 'Events',
      'd.links': 'Links', 'd.page': 'data page', 'd.iri': 'IRI', 'd.kind': 'Kind',
      'kind.actor': 'actor', 'kind.place': 'place', 'd.noevidence': '(no sentence)',
      'legend.nodes': 'Nodes', 'legend.edges': 'Edges (events)', 'none': '(none)', 'undated': 'undated'
    }
  };

  var state = {
    lang: 'fr', config: { sparql: 'ds/sparql', base: 'https://w3id.org/newsgraph/id/', linkedData: 'id/', maxResults: 0 },
    events: {}, nodes: {}, classLabels: {}, cy: null, selected: null, yasgui: null, queries: [], truncated: false
  };
  window.newsgraph = state; // for debugging and tests

  // ---------------------------------------------------------------- helpers

  function t(key, vars) {
    var s = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.en[key] || key;
    if (vars) { Object.keys(vars).forEach(function (k) { s = s.replace('{' + k + '}', vars[k]); }); }
    return s;
  }
  function local(iri) { return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c != null) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function fold(s) { return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function status(msg, kind) {
    var s = document.getElementById('status');
    s.textContent = msg || '';
    s.className = kind || '';
  }
  function classLabel(cls) {
    var l = state.classLabels[cls];
    return (l && (l[state.lang] || l.en || l.fr)) || cls;
  }
  function nodeLabel(n) {
    if (!n) { return ''; }
    return (state.lang === 'en' ? (n.labelEn || n.labelFr) : (n.labelFr || n.labelEn)) || n.labelOther || local(n.iri);
  }
  function pageUrl(iri) {
    return iri.indexOf(state.config.base) === 0 ? state.config.linkedData + iri.substring(state.config.base.length) : iri;
  }
  function period(date) {
    if (!date) { return null; }
    var m;
    if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date))) { return [m[0], m[0]]; }
    if ((m = /^(\d{4})-(\d{2})/.exec(date))) {
      var last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
      return [m[0] + '-01', m[0] + '-' + String(last).padStart(2, '0')];
    }
    if ((m = /^(\d{4})/.exec(date))) { return [m[1] + '-01-01', m[1] + '-12-31']; }
    return null;
  }

  function sparql(query) {
    var body = new URLSearchParams();
    body.set('query', PREFIXES + query);
    return fetch(state.config.sparql, {
      method: 'POST', body: body,
      headers: { 'Accept': 'application/sparql-results+json' }
    }).then(function (r) {
      if (!r.ok) { return r.text().then(function (txt) { throw new Error(r.status + ' ' + txt.substring(0, 200)); }); }
      return r.json();
    }).then(function (j) {
      var rows = j.results.bindings.map(function (b) {
        var o = {};
        Object.keys(b).forEach(function (k) { o[k] = b[k]; });
        return o;
      });
      if (state.config.maxResults > 0 && rows.length >= state.config.maxResults) { state.truncated = true; }
      return rows;
    });
  }
  function v(row, k) { return row[k] ? row[k].value : ''; }

  // ---------------------------------------------------------------- loading

  function loadGraph() {
    status(t('loading'), 'busy');
    state.truncated = false;
    var qEvents = 'SELECT ?e ?cls ?date ?cameo ?status WHERE {\n' +
      '  ?e ng:status ?st ; a ?cls . FILTER(STRSTARTS(STR(?cls), STR(ng:)))\n' +
      '  BIND(STRAFTER(STR(?st), "#") AS ?status)\n' +
      '  OPTIONAL { ?e ng:date ?date } OPTIONAL { ?e ng:cameoCode ?cameo }\n} ORDER BY ?e';
    var qRoles = 'SELECT ?e ?role ?x WHERE {\n  ?e ng:status ?s ; ?role ?x .\n' +
      '  VALUES ?role { ng:participant ng:initiator ng:target ng:place } FILTER(isIRI(?x))\n}';
    var qNodes = 'SELECT DISTINCT ?x ?p ?o WHERE {\n  ?e ng:status ?s ; ?role ?x .\n' +
      '  VALUES ?role { ng:participant ng:initiator ng:target ng:place }\n' +
      '  ?x ?p ?o . VALUES ?p { rdf:type rdfs:label owl:sameAs }\n}';
    var qClasses = 'SELECT ?cls ?label WHERE { ?cls rdfs:label ?label . FILTER(STRSTARTS(STR(?cls), STR(ng:))) }';
    return Promise.all([sparql(qEvents), sparql(qRoles), sparql(qNodes), sparql(qClasses)]).then(function (res) {
      var events = {}, nodes = {};
      res[0].forEach(function (r) {
        var iri = v(r, 'e'), cls = local(v(r, 'cls'));
        if (cls === 'Evidence') { return; }
        var e = events[iri];
        if (!e) {
          e = events[iri] = { iri: iri, cls: cls, date: v(r, 'date'), cameo: v(r, 'cameo'), status: v(r, 'status'),
            participants: [], initiators: [], targets: [], places: [] };
          e.period = period(e.date);
        } else if (e.cls === 'Event' || e.cls === 'Interaction') {
          e.cls = cls;
        }
      });
      res[1].forEach(function (r) {
        var e = events[v(r, 'e')];
        if (!e) { return; }
        var role = local(v(r, 'role')), x = v(r, 'x');
        var list = role === 'participant' ? e.participants : role === 'initiator' ? e.initiators : role === 'target' ? e.targets : e.places;
        if (list.indexOf(x) < 0) { list.push(x); }
        var n = nodes[x] || (nodes[x] = { iri: x, cls: '', labelFr: '', labelEn: '', labelOther: '', wikidata: '', geonames: '', sameAs: [], asActor: false, events: [] });
        if (role === 'place') { n.asPlace = true; } else { n.asActor = true; }
        if (n.events.indexOf(e.iri) < 0) { n.events.push(e.iri); }
      });
      res[2].forEach(function (r) {
        var n = nodes[v(r, 'x')];
        if (!n) { return; }
        var p = local(v(r, 'p')), o = r.o;
        if (p === 'type' && o.value.indexOf(NG) === 0 && (!n.cls || n.cls === 'Actor' || n.cls === 'Place')) { n.cls = local(o.value); }
        else if (p === 'label') {
          var lang = o['xml:lang'] || '';
          if (lang.indexOf('fr') === 0 && !n.labelFr) { n.labelFr = o.value; }
          else if (lang.indexOf('en') === 0 && !n.labelEn) { n.labelEn = o.value; }
          else if (!n.labelOther) { n.labelOther = o.value; }
        } else if (p === 'sameAs') {
          n.sameAs.push(o.value);
          var m = /^http:\/\/www\.wikidata\.org\/entity\/(Q\d+)$/.exec(o.value);
          if (m) { n.wikidata = m[1]; }
          m = /^https?:\/\/sws\.geonames\.org\/(\d+)\/?$/.exec(o.value);
          if (m) { n.geonames = m[1]; }
        }
      });
      Object.keys(nodes).forEach(function (k) {
        var n = nodes[k];
        if (!n.cls) { n.cls = n.asActor ? 'Actor' : 'Place'; }
        n.kind = PLACE_CLASSES.indexOf(n.cls) >= 0 ? 'place' : 'actor';
      });
      var labels = {};
      res[3].forEach(function (r) {
        var cls = local(v(r, 'cls')), lang = (r.label['xml:lang'] || '').substring(0, 2);
        (labels[cls] = labels[cls] || {})[lang || 'en'] = v(r, 'label');
      });
      state.events = events;
      state.nodes = nodes;
      state.classLabels = labels;
      buildClassFilter();
      buildActorList();
      render();
      renderCalls();
      status(state.truncated ? t('loaded') + t('truncated') : '', state.truncated ? 'busy' : '');
      focusFromHash();
    }).catch(function (err) {
      status(t('error') + err.message, 'error');
      throw err;
    });
  }

  // ---------------------------------------------------------------- filters

  function eventClasses() {
    var seen = {};
    Object.keys(state.events).forEach(function (k) { seen[state.events[k].cls] = (seen[state.events[k].cls] || 0) + 1; });
    return seen;
  }

  function buildClassFilter() {
    var box = document.getElementById('class-filter');
    var checked = {};
    box.querySelectorAll('input').forEach(function (i) { checked[i.value] = i.checked; });
    box.textContent = '';
    var counts = eventClasses();
    Object.keys(counts).sort(function (a, b) { return classLabel(a).localeCompare(classLabel(b)); }).forEach(function (cls) {
      var input = el('input', { type: 'checkbox', value: cls });
      input.checked = checked[cls] !== false;
      input.addEventListener('change', render);
      box.appendChild(el('label', null, [input, ' ',
        el('span', { class: 'swatch line', style: 'background:' + (EDGE_COLORS[cls] || '#666') }),
        classLabel(cls) + ' (' + counts[cls] + ')']));
    });
  }

  function buildActorList() {
    var dl = document.getElementById('actor-names');
    dl.textContent = '';
    Object.keys(state.nodes).map(function (k) { return nodeLabel(state.nodes[k]); })
      .sort(function (a, b) { return a.localeCompare(b); })
      .forEach(function (l) { dl.appendChild(el('option', { value: l })); });
  }

  function filteredEvents() {
    var classes = {};
    document.querySelectorAll('#class-filter input').forEach(function (i) { classes[i.value] = i.checked; });
    var from = document.getElementById('date-from').value, to = document.getElementById('date-to').value;
    var undated = document.getElementById('undated').checked;
    var actor = fold(document.getElementById('actor-filter').value.trim());
    return Object.keys(state.events).map(function (k) { return state.events[k]; }).filter(function (e) {
      if (classes[e.cls] === false) { return false; }
      if (!e.period) {
        if (!undated) { return false; }
      } else {
        if (from && e.period[1] < from) { return false; }
        if (to && e.period[0] > to) { return false; }
      }
      if (actor) {
        var all = actors(e).concat(e.places);
        var hit = all.some(function (x) {
          var n = state.nodes[x];
          return n && (fold(n.labelFr).indexOf(actor) >= 0 || fold(n.labelEn).indexOf(actor) >= 0 || fold(n.labelOther).indexOf(actor) >= 0);
        });
        if (!hit) { return false; }
      }
      return true;
    }).sort(function (a, b) { return (a.date || '~').localeCompare(b.date || '~') || a.iri.localeCompare(b.iri); });
  }

  function actors(e) {
    var s = [];
    e.participants.concat(e.initiators, e.targets).forEach(function (x) { if (s.indexOf(x) < 0) { s.push(x); } });
    return s.sort();
  }

  // ---------------------------------------------------------------- network

  /** Edges of one event: from the initiator to each other actor, else between each pair; a lone actor to the place. */
  function eventEdges(e) {
    var a = actors(e), out = [];
    var init = e.initiators.filter(function (x) { return a.indexOf(x) >= 0; })[0];
    if (a.length >= 2) {
      if (init) {
        a.forEach(function (x) { if (x !== init) { out.push([init, x, true]); } });
      } else {
        for (var i = 0; i < a.length; i++) { for (var j = i + 1; j < a.length; j++) { out.push([a[i], a[j], false]); } }
      }
    } else if (a.length === 1) {
      e.places.forEach(function (p) { if (p !== a[0]) { out.push([a[0], p, false]); } });
    }
    return out;
  }

  function render() {
    var evs = filteredEvents();
    var nodeIds = {}, elements = [], edgeCount = 0;
    evs.forEach(function (e) {
      actors(e).concat(e.places).forEach(function (x) { nodeIds[x] = (nodeIds[x] || 0) + 1; });
    });
    Object.keys(nodeIds).forEach(function (x) {
      var n = state.nodes[x];
      elements.push({ group: 'nodes', data: { id: x, label: nodeLabel(n), cls: n.cls, kind: n.kind,
        color: NODE_COLORS[n.cls] || '#BAB0AC', weight: nodeIds[x] } });
    });
    evs.forEach(function (e) {
      eventEdges(e).forEach(function (p, i) {
        edgeCount++;
        elements.push({ group: 'edges', data: { id: e.iri + '#' + i, source: p[0], target: p[1], event: e.iri,
          cls: e.cls, directed: p[2] ? 'yes' : 'no', color: EDGE_COLORS[e.cls] || '#666',
          label: classLabel(e.cls) + (e.date ? ' ' + e.date : '') } });
      });
    });
    var cy = state.cy;
    cy.elements().remove();
    cy.add(elements);
    // A circle first (deterministic), then a force-directed layout from it.
    cy.layout({ name: 'circle', animate: false, sort: function (a, b) { return a.id().localeCompare(b.id()); } }).run();
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: function () { return 60000; }, idealEdgeLength: function () { return 120; },
      edgeElasticity: function () { return 100; }, gravity: 1.5, numIter: 2000, componentSpacing: 50,
      nodeOverlap: 20, padding: 40 }).run();
    cy.fit(undefined, 40);
    if (cy.zoom() > 1.1) { cy.zoom({ level: 1.1, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); cy.center(); }
    document.getElementById('counts').textContent = t('counts', { n: Object.keys(nodeIds).length, e: edgeCount, v: evs.length });
    renderLegend();
    renderCalls();
    if (state.selected) {
      var sel = cy.getElementById(state.selected);
      if (sel && sel.length) { sel.select(); }
    }
  }

  function renderLegend() {
    var box = document.getElementById('legend');
    box.textContent = '';
    box.appendChild(el('strong', { text: t('legend.nodes') }));
    var seen = {};
    Object.keys(state.nodes).forEach(function (k) { seen[state.nodes[k].cls] = true; });
    Object.keys(seen).sort().forEach(function (cls) {
      box.appendChild(el('div', null, [el('span', { class: 'swatch', style: 'background:' + (NODE_COLORS[cls] || '#BAB0AC') }), classLabel(cls)]));
    });
  }

  function initCy() {
    state.cy = cytoscape({
      container: document.getElementById('cy'),
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { 'background-color': 'data(color)', 'label': 'data(label)', 'font-size': 12,
          'text-valign': 'bottom', 'text-margin-y': 3, 'width': 'mapData(weight, 1, 10, 22, 56)',
          'height': 'mapData(weight, 1, 10, 22, 56)', 'border-width': 1, 'border-color': '#333',
          'text-wrap': 'wrap', 'text-max-width': 120, 'text-background-color': '#fff', 'text-background-opacity': 0.7 } },
        { selector: 'node[kind = "place"]', style: { 'shape': 'round-rectangle' } },
        { selector: 'edge', style: { 'line-color': 'data(color)', 'width': 3, 'curve-style': 'bezier',
          'label': 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', 'color': '#444',
          'control-point-step-size': 60,
          'text-background-color': '#fff', 'text-background-opacity': 0.8, 'target-arrow-color': 'data(color)' } },
        { selector: 'edge[directed = "yes"]', style: { 'target-arrow-shape': 'triangle' } },
        { selector: ':selected', style: { 'overlay-color': '#1f6feb', 'overlay-opacity': 0.25, 'overlay-padding': 6 } }
      ]
    });
    state.cy.on('tap', 'node', function (evt) { state.selected = evt.target.id(); showNode(evt.target.id()); });
    state.cy.on('tap', 'edge', function (evt) { state.selected = evt.target.id(); showEvent(evt.target.data('event')); });
  }

  // ---------------------------------------------------------------- details

  function link(iri, text) {
    return el('a', { href: pageUrl(iri), target: '_blank', rel: 'noopener', text: text || iri });
  }
  function nodeLink(x) {
    var n = state.nodes[x];
    var a = el('a', { href: '#', class: 'node-link', text: nodeLabel(n) || local(x) });
    a.addEventListener('click', function (ev) { ev.preventDefault(); selectElement(x); showNode(x); });
    return a;
  }
  function dd(dl, label, content) {
    dl.appendChild(el('dt', { text: label }));
    var d = el('dd');
    (Array.isArray(content) ? content : [content]).forEach(function (c, i) {
      if (i > 0) { d.appendChild(document.createTextNode(', ')); }
      d.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    dl.appendChild(d);
  }
  function externalLinks(n) {
    var links = [];
    if (n.wikidata) { links.push(el('a', { href: 'https://www.wikidata.org/wiki/' + n.wikidata, target: '_blank', rel: 'noopener', class: 'wikidata', text: 'Wikidata ' + n.wikidata })); }
    if (n.geonames) { links.push(el('a', { href: 'https://www.geonames.org/' + n.geonames, target: '_blank', rel: 'noopener', class: 'geonames', text: 'GeoNames ' + n.geonames })); }
    n.sameAs.filter(function (s) { return s.indexOf('dbpedia.org') >= 0; }).forEach(function (s) {
      links.push(el('a', { href: s, target: '_blank', rel: 'noopener', text: 'DBpedia' }));
    });
    links.push(el('a', { href: pageUrl(n.iri), target: '_blank', rel: 'noopener', class: 'page', text: t('d.page') }));
    return links;
  }

  function showNode(x) {
    var n = state.nodes[x];
    var box = document.getElementById('details');
    box.textContent = '';
    if (!n) { return; }
    box.appendChild(el('h2', { text: nodeLabel(n) }));
    var dl = el('dl');
    dd(dl, t('d.class'), classLabel(n.cls));
    dd(dl, t('d.kind'), t('kind.' + n.kind));
    dd(dl, t('d.links'), externalLinks(n));
    box.appendChild(dl);
    box.appendChild(el('h3', { text: t('d.events') }));
    var ul = el('ul');
    n.events.map(function (k) { return state.events[k]; }).sort(function (a, b) { return (a.date || '~').localeCompare(b.date || '~'); })
      .forEach(function (e) {
        var a = el('a', { href: '#', class: 'event-link', text: classLabel(e.cls) + ' ' + (e.date || t('undated')) });
        a.addEventListener('click', function (ev) { ev.preventDefault(); selectEvent(e.iri); showEvent(e.iri); });
        var others = actors(e).filter(function (y) { return y !== x; }).map(function (y) { return nodeLabel(state.nodes[y]); });
        ul.appendChild(el('li', null, [a, others.length ? ' — ' + others.join(', ') : '']));
      });
    box.appendChild(ul);
  }

  function showEvent(iri) {
    var e = state.events[iri];
    var box = document.getElementById('details');
    box.textContent = '';
    if (!e) { return; }
    box.appendChild(el('h2', { text: classLabel(e.cls) + (e.date ? ' — ' + e.date : '') }));
    var dl = el('dl');
    dd(dl, t('d.class'), classLabel(e.cls) + ' (ng:' + e.cls + ')');
    dd(dl, t('d.date'), e.date || t('undated'));
    if (e.status) { dd(dl, t('d.status'), e.status); }
    if (e.cameo) { dd(dl, t('d.cameo'), e.cameo); }
    var ps = actors(e);
    dd(dl, t('d.participants'), ps.length ? ps.map(nodeLink) : t('none'));
    if (e.initiators.length) { dd(dl, t('d.initiator'), e.initiators.map(nodeLink)); }
    if (e.targets.length) { dd(dl, t('d.target'), e.targets.map(nodeLink)); }
    if (e.places.length) { dd(dl, t('d.place'), e.places.map(nodeLink)); }
    var ext = [];
    ps.concat(e.places).forEach(function (x) {
      var n = state.nodes[x];
      if (n && n.wikidata) { ext.push(el('a', { href: 'https://www.wikidata.org/wiki/' + n.wikidata, target: '_blank', rel: 'noopener', class: 'wikidata', text: nodeLabel(n) + ' (Wikidata)' })); }
      if (n && n.geonames) { ext.push(el('a', { href: 'https://www.geonames.org/' + n.geonames, target: '_blank', rel: 'noopener', class: 'geonames', text: nodeLabel(n) + ' (GeoNames)' })); }
    });
    ext.push(el('a', { href: pageUrl(e.iri), target: '_blank', rel: 'noopener', class: 'page', text: t('d.page') }));
    dd(dl, t('d.links'), ext);
    box.appendChild(dl);
    box.appendChild(el('h3', { text: t('d.evidence') }));
    var evBox = el('div', { id: 'evidence' });
    box.appendChild(evBox);
    var q = 'SELECT ?text ?article ?id ?published ?begin WHERE {\n  <' + iri + '> ng:evidence ?v . ?v ng:text ?text .\n' +
      '  OPTIONAL { ?v ng:article ?article OPTIONAL { ?article schema:identifier ?id } OPTIONAL { ?article schema:datePublished ?published } }\n' +
      '  OPTIONAL { ?v ng:beginIndex ?begin }\n} ORDER BY ?article ?begin';
    sparql(q).then(function (rows) {
      if (state.selected === null || document.getElementById('evidence') !== evBox) { return; }
      if (!rows.length) { evBox.appendChild(el('p', { class: 'muted', text: t('d.noevidence') })); }
      var seen = {};
      rows.forEach(function (r) {
        var key = v(r, 'text') + '|' + v(r, 'article');
        if (seen[key]) { return; }
        seen[key] = true;
        evBox.appendChild(el('blockquote', { class: 'evidence', text: v(r, 'text') }));
        if (v(r, 'article')) {
          evBox.appendChild(el('p', { class: 'source' }, [t('d.article') + ' : ', link(v(r, 'article'), v(r, 'id') || local(v(r, 'article'))),
            v(r, 'published') ? ' (' + v(r, 'published') + ')' : '']));
        }
      });
    }).catch(function (err) { status(t('error') + err.message, 'error'); });
  }

  function selectElement(id) {
    var cy = state.cy;
    cy.$(':selected').unselect();
    var x = cy.getElementById(id);
    if (x && x.length) { x.select(); cy.animate({ center: { eles: x } }, { duration: 200 }); }
    state.selected = id;
  }
  function selectEvent(iri) {
    var cy = state.cy;
    cy.$(':selected').unselect();
    var edges = cy.edges().filter(function (ed) { return ed.data('event') === iri; });
    edges.select();
    state.selected = edges.length ? edges[0].id() : iri;
  }

  function focusFromHash() {
    var m = /focus=([^&]+)/.exec(location.hash);
    if (!m) { return; }
    var iri = decodeURIComponent(m[1]);
    if (state.events[iri]) { showTab('network'); selectEvent(iri); showEvent(iri); }
    else if (state.nodes[iri]) { showTab('network'); selectElement(iri); showNode(iri); }
  }

  // ---------------------------------------------------------------- calls

  function renderCalls() {
    var tbody = document.querySelector('#calls-table tbody');
    tbody.textContent = '';
    var all = document.getElementById('all-events').checked;
    var evs = filteredEvents().filter(function (e) { return all || INTERACTIONS.indexOf(e.cls) >= 0; });
    evs.forEach(function (e) {
      var tr = el('tr', { 'data-event': e.iri }, [
        el('td', { text: e.date || t('undated') }),
        el('td', null, [el('span', { class: 'swatch line', style: 'background:' + (EDGE_COLORS[e.cls] || '#666') }), classLabel(e.cls)]),
        el('td', { text: actors(e).map(function (x) { return nodeLabel(state.nodes[x]); }).join(' – ') }),
        el('td', { text: e.initiators.map(function (x) { return nodeLabel(state.nodes[x]); }).join(', ') }),
        el('td', { class: 'evidence-cell' })
      ]);
      tr.addEventListener('click', function () { showTab('network'); selectEvent(e.iri); showEvent(e.iri); });
      tbody.appendChild(tr);
    });
    if (!evs.length) { tbody.appendChild(el('tr', null, [el('td', { colspan: '5', class: 'muted', text: t('none') })])); }
    fillCallEvidence(evs);
  }

  function fillCallEvidence(evs) {
    if (!evs.length || evs.length > 500) { return; }
    var values = evs.map(function (e) { return '<' + e.iri + '>'; }).join(' ');
    var q = 'SELECT ?e (SAMPLE(?text) AS ?sentence) WHERE { VALUES ?e { ' + values + ' } ?e ng:evidence/ng:text ?text } GROUP BY ?e';
    sparql(q).then(function (rows) {
      rows.forEach(function (r) {
        var tr = document.querySelector('#calls-table tr[data-event="' + CSS.escape(v(r, 'e')) + '"] .evidence-cell');
        if (tr) { tr.textContent = v(r, 'sentence'); }
      });
    }).catch(function () { /* the table stays without sentences */ });
  }

  // ---------------------------------------------------------------- SPARQL tab

  function loadQueries() {
    return fetch('queries').then(function (r) { return r.ok ? r.json() : []; }).then(function (list) {
      state.queries = list;
      var sel = document.getElementById('query-select');
      list.forEach(function (q) { sel.appendChild(el('option', { value: q.name, text: q.name })); });
    }).catch(function () { state.queries = []; });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = el('script', { src: src });
      s.onload = resolve;
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function initYasgui() {
    if (state.yasgui) { return Promise.resolve(state.yasgui); }
    document.head.appendChild(el('link', { rel: 'stylesheet', href: 'vendor/yasgui/yasgui.min.css' }));
    var endpoint = new URL(state.config.sparql, location.href).href;
    document.getElementById('sparql-endpoint').textContent = t('sparql.endpoint') + endpoint;
    return loadScript('vendor/yasgui/yasgui.min.js').then(function () {
      var first = state.queries[0];
      state.yasgui = new Yasgui(document.getElementById('yasgui'), {
        requestConfig: { endpoint: endpoint, method: 'POST' },
        copyEndpointOnNewTab: true,
        persistenceId: null,
        endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
        yasqe: { value: first ? first.text : PREFIXES + '\nSELECT ?e ?cls ?date WHERE { ?e ng:status ?s ; a ?cls . OPTIONAL { ?e ng:date ?date } } LIMIT 100' }
      });
      if (first) { document.getElementById('query-select').value = first.name; }
      return state.yasgui;
    });
  }

  function useQuery(name) {
    var q = state.queries.filter(function (x) { return x.name === name; })[0];
    if (!q || !state.yasgui) { return; }
    var tab = state.yasgui.getTab();
    tab.setQuery(q.text);
  }

  // ---------------------------------------------------------------- tabs and language

  function showTab(name) {
    document.querySelectorAll('#tabs button').forEach(function (b) { b.classList.toggle('active', b.getAttribute('data-tab') === name); });
    document.querySelectorAll('.tab').forEach(function (s) { s.classList.toggle('active', s.id === 'tab-' + name); });
    if (name === 'network' && state.cy) { state.cy.resize(); }
    if (name === 'sparql') {
      initYasgui().catch(function (err) { status(t('error') + err.message, 'error'); });
    }
  }

  function setLang(lang) {
    state.lang = TEXT[lang] ? lang : 'en';
    document.documentElement.lang = state.lang;
    try { localStorage.setItem('newsgraph.lang', state.lang); } catch (e) { /* private mode */ }
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (e) { e.placeholder = t(e.getAttribute('data-i18n-placeholder')); });
    document.querySelectorAll('#lang button').forEach(function (b) { b.classList.toggle('active', b.getAttribute('data-lang') === state.lang); });
    if (state.cy && Object.keys(state.events).length) {
      buildClassFilter();
      buildActorList();
      state.cy.nodes().forEach(function (n) { n.data('label', nodeLabel(state.nodes[n.id()])); });
      state.cy.edges().forEach(function (ed) {
        var e = state.events[ed.data('event')];
        ed.data('label', classLabel(e.cls) + (e.date ? ' ' + e.date : ''));
      });
      renderLegend();
      renderCalls();
      if (state.selected) {
        var x = state.cy.getElementById(state.selected);
        if (x && x.length) { if (x.isNode()) { showNode(x.id()); } else { showEvent(x.data('event')); } }
      }
    }
  }

  function init() {
    var saved = null;
    try { saved = localStorage.getItem('newsgraph.lang'); } catch (e) { /* private mode */ }
    var asked = new URLSearchParams(location.search).get('lang');
    setLang(asked || saved || ((navigator.language || 'fr').indexOf('fr') === 0 ? 'fr' : 'en'));
    document.querySelectorAll('#tabs button').forEach(function (b) {
      b.addEventListener('click', function () { showTab(b.getAttribute('data-tab')); });
    });
    document.querySelectorAll('#lang button').forEach(function (b) {
      b.addEventListener('click', function () { setLang(b.getAttribute('data-lang')); });
    });
    ['date-from', 'date-to', 'undated'].forEach(function (id) { document.getElementById(id).addEventListener('change', render); });
    document.getElementById('actor-filter').addEventListener('input', render);
    document.getElementById('all-events').addEventListener('change', renderCalls);
    document.getElementById('classes-all').addEventListener('click', function () {
      document.querySelectorAll('#class-filter input').forEach(function (i) { i.checked = true; }); render();
    });
    document.getElementById('classes-none').addEventListener('click', function () {
      document.querySelectorAll('#class-filter input').forEach(function (i) { i.checked = false; }); render();
    });
    document.getElementById('reset').addEventListener('click', function () {
      document.querySelectorAll('#class-filter input').forEach(function (i) { i.checked = true; });
      document.getElementById('date-from').value = '';
      document.getElementById('date-to').value = '';
      document.getElementById('undated').checked = true;
      document.getElementById('actor-filter').value = '';
      render();
    });
    document.getElementById('query-select').addEventListener('change', function (ev) { useQuery(ev.target.value); });
    window.addEventListener('hashchange', focusFromHash);
    initCy();
    fetch('config.json').then(function (r) { return r.ok ? r.json() : {}; }).then(function (c) {
      Object.keys(c || {}).forEach(function (k) { state.config[k] = c[k]; });
    }).catch(function () { /* defaults */ }).then(function () {
      return Promise.all([loadQueries(), loadGraph()]);
    }).then(function () {
      document.body.setAttribute('data-loaded', 'true');
    }).catch(function () {
      document.body.setAttribute('data-loaded', 'error');
    });
  }

  document.addEventListener('DOMContentLoaded', init);
}());
