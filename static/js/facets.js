// Facet counts of a large result set arrive from their own request, after the results.
(function () {
  const aside = document.querySelector("aside.facets[data-facets-url]");
  const status = document.getElementById("facets-status");
  if (!aside || !status) return;
  const names = { year: "年份", page: "版次", person: "人物", source: "来源", kind: "体裁" };
  const keys = { year: "year", page: "page", person: "person", source: "source", kind: "kind" };
  const base = aside.dataset.facetsUrl.split("?")[1] || "";
  fetch(aside.dataset.facetsUrl, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
    .then((data) => {
      status.textContent = data.estimated ? "结果很多：以下为按 2% 抽样估算的数量。" : "";
      for (const [name, rows] of Object.entries(data.facets || {})) {
        if (!rows.length) continue;
        const section = document.createElement("section");
        const h = document.createElement("h3");
        h.textContent = names[name] || name;
        section.appendChild(h);
        const ul = document.createElement("ul");
        for (const row of rows) {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.rel = "nofollow";
          a.href = "?" + base + "&" + keys[name] + "=" + encodeURIComponent(row.value);
          a.textContent = row.label;
          const n = document.createElement("span");
          n.className = "n";
          n.textContent = (data.estimated ? " 约" : " ") + row.count;
          li.append(a, n);
          ul.appendChild(li);
        }
        section.appendChild(ul);
        aside.appendChild(section);
      }
    })
    .catch(() => { status.textContent = "分面统计暂时无法加载。"; });
})();
