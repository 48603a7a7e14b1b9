// The query page: YASGUI on this server's endpoint, the example queries, local resource links.
(function () {
  "use strict";
  var holder = document.getElementById("yasgui");
  if (!holder || typeof Yasgui === "undefined") {
    return; // no script support: the plain form stays
  }
  var endpoint = holder.dataset.endpoint;
  var base = holder.dataset.base;
  var examples = JSON.parse(document.getElementById("examples").textContent);
  document.getElementById("plain-query").hidden = true;

  // nothing leaves this server: no prefix.cc or LOV look-ups, no other endpoints
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  if (Yasgui.Yasr.plugins.table) {
    Yasgui.Yasr.plugins.table.defaults.openIriInNewWindow = false;
  }
  var yasgui = new Yasgui(holder, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    persistenceId: "peacekg-query"
  });
  window.yasgui = yasgui; // for the browser console

  function show(example) {
    var tab = yasgui.getTab();
    tab.getYasqe().setValue(example.query);
    tab.setName(example.title);
  }
  var tab = yasgui.getTab();
  if (examples.length && tab.getYasqe().getValue().trim().indexOf("PREFIX rdf:") === 0) {
    show(examples[0]); // a fresh editor starts on the first example
  }
  document.querySelectorAll("[data-example]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show(examples[Number(link.dataset.example)]);
    });
  });

  // resources minted here open their page on this server
  function localise(root) {
    root.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href.indexOf(base) === 0) {
        a.setAttribute("href", "/id/" + href.slice(base.length));
        a.removeAttribute("target");
      }
    });
  }
  new MutationObserver(function () { localise(holder); }).observe(holder, { childList: true, subtree: true });
})();
