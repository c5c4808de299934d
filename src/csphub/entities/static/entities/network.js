/* The network view, drawn with Cytoscape.js (served from our own static files).
 *
 * Progressive enhancement: the server renders the table of items and every "Expand" button
 * works without this script (it re-centres the page). With it, the graph is drawn from the
 * page's JSON (json_script) and "Expand" — in the table or by activating a node in the graph —
 * adds that node's connections in place from network.json, one hop at a time.
 * No inline script or style: everything here is in this file.
 */
(function () {
  "use strict";

  var COLOURS = {
    submission: "#1d70b8",
    person: "#4c2c92",
    phone: "#00703c",
    vehicle: "#d4351c",
    email: "#003078",
    handle: "#912b88",
    address: "#85642f",
    postcode: "#10403c"
  };
  var SHAPES = {
    submission: "round-rectangle",
    person: "ellipse",
    phone: "diamond",
    vehicle: "hexagon",
    email: "rhomboid",
    handle: "star",
    address: "pentagon",
    postcode: "triangle"
  };

  var dataElement = document.getElementById("network-data");
  var container = document.getElementById("network-graph");
  var table = document.getElementById("network-table");
  var status = document.getElementById("network-status");
  var filters = document.getElementById("network-filters");
  if (!dataElement || !container || !table || typeof window.cytoscape !== "function") {
    return;
  }
  var start = JSON.parse(dataElement.textContent);
  var jsonUrl = container.getAttribute("data-json-url");
  var expanded = {};
  var loading = {};

  function nodeElement(node) {
    return {
      group: "nodes",
      data: {
        id: node.id,
        kind: node.kind,
        label: node.label,
        caption: node.common ? node.label + " (common)" : node.label,
        links: node.links,
        common: node.common,
        centre: node.centre,
        href: node.href
      }
    };
  }

  function edgeElement(edge) {
    return {
      group: "edges",
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        kind: edge.kind,
        status: edge.status,
        score: edge.score === null ? 0 : edge.score,
        label: edge.label
      }
    };
  }

  function styles() {
    var list = [
      {
        selector: "node",
        style: {
          label: "data(caption)",
          color: "#0b0c0c",
          "font-family": "arial, sans-serif",
          "font-size": 12,
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "ellipsis",
          "text-max-width": 140,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.85,
          "text-background-padding": 2,
          width: 28,
          height: 28
        }
      },
      { selector: "node[kind = 'submission']", style: { width: 42, height: 26 } }
    ];
    Object.keys(COLOURS).forEach(function (kind) {
      list.push({
        selector: "node[kind = '" + kind + "']",
        style: { "background-color": COLOURS[kind], "border-color": COLOURS[kind], shape: SHAPES[kind] }
      });
    });
    list.push(
      {
        selector: "node[?common]",
        style: { "background-color": "#ffffff", "border-width": 3, "border-style": "dashed" }
      },
      { selector: "node[?centre]", style: { "border-width": 4, "border-color": "#0b0c0c" } },
      {
        selector: "node:selected",
        style: { "underlay-color": "#ffdd00", "underlay-opacity": 1, "underlay-padding": 6 }
      },
      { selector: "edge", style: { width: 1.5, "line-color": "#505a5f", "curve-style": "bezier" } },
      {
        selector: "edge[kind = 'link']",
        style: { width: "mapData(score, 0, 1, 2, 6)", "line-color": "#0b0c0c", "line-style": "dashed" }
      },
      { selector: "edge[status = 'confirmed']", style: { "line-style": "solid" } },
      { selector: "edge[status = 'rejected']", style: { "line-style": "dotted", "line-color": "#d4351c" } }
    );
    return list;
  }

  function elements(graph) {
    return graph.nodes.map(nodeElement).concat(graph.edges.map(edgeElement));
  }

  container.hidden = false;
  var cy = window.cytoscape({
    container: container,
    elements: elements(start),
    style: styles(),
    layout: { name: "cose", animate: false, nodeDimensionsIncludeLabels: true },
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3
  });
  expanded[start.centre] = true;

  function announce(text, partial) {
    status.textContent = "";
    if (partial) {
      var warning = document.createElement("div");
      warning.className = "govuk-warning-text";
      warning.setAttribute("data-partial", "");
      var icon = document.createElement("span");
      icon.className = "govuk-warning-text__icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "!";
      var strong = document.createElement("strong");
      strong.className = "govuk-warning-text__text";
      var hidden = document.createElement("span");
      hidden.className = "govuk-visually-hidden";
      hidden.textContent = "Warning";
      strong.appendChild(hidden);
      strong.appendChild(document.createTextNode(text));
      warning.appendChild(icon);
      warning.appendChild(strong);
      status.appendChild(warning);
    } else {
      var p = document.createElement("p");
      p.className = "govuk-body";
      p.textContent = text;
      status.appendChild(p);
    }
  }

  function row(id) {
    return table.querySelector('tr[data-node="' + id + '"]');
  }

  function cell(label, content, className) {
    var td = document.createElement("td");
    td.className = className || "govuk-table__cell";
    td.setAttribute("data-label", label);
    if (content !== undefined) {
      td.textContent = content;
    }
    return td;
  }

  function expandButton(node) {
    var button = document.createElement("button");
    button.type = "submit";
    button.setAttribute("form", "network-filters");
    button.name = "expand";
    button.value = node.id;
    button.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-0";
    button.setAttribute("data-module", "govuk-button");
    button.setAttribute("data-expand", node.id);
    button.appendChild(document.createTextNode(node.common ? "Expand common value" : "Expand"));
    var hidden = document.createElement("span");
    hidden.className = "govuk-visually-hidden";
    hidden.textContent = " " + node.label;
    button.appendChild(hidden);
    return button;
  }

  function addRow(node) {
    var tr = document.createElement("tr");
    tr.className = "govuk-table__row";
    tr.setAttribute("data-node", node.id);
    var th = document.createElement("th");
    th.scope = "row";
    th.className = "govuk-table__header";
    th.setAttribute("data-label", "Item");
    var link = document.createElement("a");
    link.className = "govuk-link";
    link.href = node.href;
    link.textContent = node.label;
    th.appendChild(link);
    if (node.detail) {
      th.appendChild(document.createElement("br"));
      var detail = document.createElement("span");
      detail.className = "govuk-body-s";
      detail.textContent = node.detail;
      th.appendChild(detail);
    }
    var kind = cell("Kind", node.kind_label);
    if (node.common) {
      var tag = document.createElement("strong");
      tag.className = "govuk-tag govuk-tag--grey";
      tag.textContent = "common";
      kind.appendChild(document.createTextNode(" "));
      kind.appendChild(tag);
    }
    var shown = cell("Shown", "Not expanded");
    shown.setAttribute("data-field", "shown");
    var action = cell("Action");
    action.appendChild(expandButton(node));
    tr.appendChild(th);
    tr.appendChild(kind);
    tr.appendChild(cell("Links", String(node.links), "govuk-table__cell govuk-table__cell--numeric"));
    tr.appendChild(shown);
    tr.appendChild(action);
    table.tBodies[0].appendChild(tr);
  }

  function markExpanded(id, graph) {
    var tr = row(id);
    if (!tr) {
      return;
    }
    var shown = tr.querySelector('[data-field="shown"]');
    if (shown) {
      shown.textContent = "Expanded: " + graph.shown + " of " + graph.total + " connected item" +
        (graph.total === 1 ? "" : "s") + " shown";
    }
    var button = tr.querySelector("button[data-expand]");
    if (button) {
      button.setAttribute("aria-disabled", "true");
      button.firstChild.textContent = "Expanded";
    }
  }

  function merge(graph) {
    var added = [];
    cy.batch(function () {
      graph.nodes.forEach(function (node) {
        if (cy.getElementById(node.id).empty()) {
          node.centre = false;
          var element = nodeElement(node);
          var from = cy.getElementById(graph.centre).position();
          element.position = { x: from.x + (Math.random() - 0.5) * 80, y: from.y + (Math.random() - 0.5) * 80 };
          added.push(cy.add(element));
          addRow(node);
        }
      });
      graph.edges.forEach(function (edge) {
        if (cy.getElementById(edge.id).empty()) {
          cy.add(edgeElement(edge));
        }
      });
    });
    return added.length;
  }

  function query(id) {
    var params = new URLSearchParams();
    if (filters) {
      new FormData(filters).forEach(function (value, key) {
        if (key !== "node" && key !== "expand") {
          params.append(key, value);
        }
      });
    }
    params.set("node", id);
    return jsonUrl + "?" + params.toString();
  }

  function expand(id) {
    var node = cy.getElementById(id);
    var name = node.nonempty() ? node.data("label") : id;
    if (expanded[id]) {
      announce(name + " is already expanded.", false);
      return;
    }
    if (loading[id]) {
      return;
    }
    loading[id] = true;
    announce("Loading the connections of " + name + "…", false);
    fetch(query(id), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (graph) {
        expanded[id] = true;
        var added = merge(graph);
        markExpanded(id, graph);
        cy.layout({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true }).run();
        cy.elements().unselect();
        cy.getElementById(id).select();
        var text = "Expanded " + name + ": " + added + " new item" + (added === 1 ? "" : "s") +
          " added. " + graph.message;
        announce(text, graph.partial);
      })
      .catch(function () {
        announce("The connections of " + name + " could not be loaded. Try again.", false);
      })
      .then(function () {
        loading[id] = false;
      });
  }

  table.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-expand]");
    if (!button) {
      return;
    }
    event.preventDefault();
    expand(button.getAttribute("data-expand"));
  });

  cy.on("tap", "node", function (event) {
    var node = event.target;
    if (node.data("common") && !expanded[node.id()]) {
      announce(node.data("label") + " is a common value, seen in " + node.data("links") +
        " submissions. Use its Expand button in the table to show them.", false);
      return;
    }
    expand(node.id());
  });

  window.csphubNetwork = { cy: cy, expand: expand, expanded: expanded };
})();
