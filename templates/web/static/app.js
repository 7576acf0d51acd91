// The web workspace's behaviour: every action is a call of the JSON API with the log-in cookie.
"use strict";
const Stdraft = (() => {
  const $ = (sel, root = document) => root.querySelector(sel);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
    return node;
  };
  const state = () => JSON.parse($("#state").textContent);
  const en = () => document.documentElement.lang === "en";
  const say = (zh, enText) => (en() ? enText : zh);

  async function api(method, url, body, isForm) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      if (isForm) init.body = body;
      else { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
    }
    const res = await fetch(url, init);
    const type = res.headers.get("content-type") || "";
    const data = type.includes("json") ? await res.json() : await res.text();
    if (!res.ok) {
      // FastAPI's own validation errors carry a list of {loc, msg}; ours a bilingual string
      const detail = typeof data === "object" ? data.detail : String(data);
      const text = Array.isArray(detail)
        ? detail.map((d) => `${(d.loc || []).filter((x) => x !== "body").join(".")}: ${d.msg}`).join("; ")
        : detail;
      const err = new Error(text);
      err.status = res.status; err.data = data; throw err;
    }
    return data;
  }

  function home() {
    const form = $("#new-draft");
    if (!form) return;
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      try {
        const d = await api("POST", "/api/drafts", Object.fromEntries(f.entries()));
        location.href = `/drafts/${d.id}`;
      } catch (err) { $("#new-error").textContent = err.message; }
    });
    $("#upload-draft").addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        const d = await api("POST", "/api/drafts/upload", new FormData(e.target), true);
        location.href = `/drafts/${d.id}`;
      } catch (err) { $("#new-error").textContent = err.message; }
    });
  }

  // --- the draft page: outline, clause editor, findings, chat -------------------------------
  function draft() {
    const s = state();
    let content = s.content, outline = s.outline, version = s.version, current = null, findings = [];
    const id = s.draft.id;

    const sectionText = (sec) => content.split("\n").slice(sec.start, sec.end).join("\n").replace(/\n+$/, "");

    function renderOutline() {
      const list = $("#outline");
      list.replaceChildren();
      const flagged = new Set(findings.map((f) => f.finding.clause));
      for (const sec of outline) {
        const label = sec.label === "cover" ? say("封面", "Cover") : `${sec.number || ""} ${sec.title || ""}`.trim();
        const li = el("li", { "data-clause": sec.label, style: `padding-left:${4 + 12 * Math.max(sec.level - 1, 0)}px`,
          onclick: () => select(sec.label) }, label || sec.label);
        if (flagged.has(sec.label)) li.append(el("span", { class: "flag" }, "●"));
        if (current === sec.label) li.classList.add("active");
        list.append(li);
      }
    }

    function select(label) {
      const sec = outline.find((x) => x.label === label);
      if (!sec) return;
      current = label;
      $("#clause-label").textContent = label;
      $("#clause-text").value = sectionText(sec);
      $("#editor-hint").textContent = "";
      const save = $("#save-clause");
      if (save) save.disabled = false;
      renderOutline();
      filterFindings(label);
    }

    function filterFindings(label) {
      let shown = 0;
      for (const li of document.querySelectorAll("#findings li")) {
        const visible = !label || li.dataset.clause === label;
        li.style.display = visible ? "" : "none";
        shown += visible ? 1 : 0;
      }
      const all = $("#show-all-findings");
      all.hidden = !label;
      all.textContent = say(`本条${shown}项，显示全部${findings.length}项`, `${shown} here; show all ${findings.length}`);
    }
    $("#show-all-findings").addEventListener("click", () => filterFindings(null));

    async function reload(keepClause) {
      const d = await api("GET", `/api/drafts/${id}`);
      content = d.version.content; outline = d.outline; version = d.version.number;
      $("#head").textContent = version;
      await loadFindings();
      if (keepClause && outline.some((x) => x.label === keepClause)) select(keepClause); else renderOutline();
    }

    async function loadFindings() {
      findings = await api("GET", `/api/drafts/${id}/findings?version=${version}`);
      const list = $("#findings");
      list.replaceChildren();
      $("#finding-count").textContent = findings.length ? `(${findings.length})` : say("（未发现问题）", "(none)");
      for (const item of findings) {
        const f = item.finding;
        const li = el("li", { class: f.severity, "data-clause": f.clause, "data-rule": f.rule,
          onclick: () => select(f.clause) },
          el("span", { class: "rule" }, f.rule), el("span", { class: "muted" }, `${f.clause} `),
          en() ? f.message_en : f.message_zh);
        if (f.text) li.append(el("div", {}, el("code", {}, f.text)));
        if (item.fix && s.can.edit) {
          const btn = el("button", { class: "small", "data-testid": "apply-fix", onclick: async (e) => {
            e.stopPropagation();
            try {
              const v = await api("POST", `/api/drafts/${id}/fixes`, { base_version: version, finding: item.index });
              await reload(f.clause);
              $("#editor-status").textContent = say(`已应用修改，保存为第${v.number}版`, `Fix applied: version ${v.number}`);
            } catch (err) { $("#editor-status").textContent = err.message; }
          } }, say("应用修改", "Apply fix"));
          li.append(el("div", { class: "fix" }, "→ ", el("ins", {}, item.fix.new), " ", btn,
            item.fix.needs_completion ? el("span", { class: "muted" }, say("（需补全占位符）", " (fill in the placeholders)")) : ""));
        } else if (f.suggestion) {
          li.append(el("div", { class: "muted" }, "→ " + f.suggestion));
        }
        list.append(li);
      }
      if (current) select(current); else renderOutline();
    }

    const save = $("#save-clause");
    if (save) save.addEventListener("click", async () => {
      if (!current) return;
      const text = $("#clause-text").value;
      try {
        const v = await api("PUT", `/api/drafts/${id}/clauses/${encodeURIComponent(current)}`,
          { base_version: version, text });
        await reload(current);
        $("#editor-status").textContent = say(`已保存为第${v.number}版`, `Saved as version ${v.number}`);
      } catch (err) {
        // a stale save: the text stays in the editor, nothing on the server changed
        $("#editor-status").textContent = err.status === 409
          ? say("草案已被他人修改，您的文本仍在编辑框中；请刷新后重做修改。", "The draft changed meanwhile; your text is still in the editor — reload and redo.") + " " + err.message
          : err.message;
      }
    });

    const chatForm = $("#chat-form");
    async function loadHistory() {
      const messages = await api("GET", `/api/drafts/${id}/chat`);
      for (const m of messages) addMessage(m.role, m.content, m.result);
    }
    function citeLinks(result) {
      const box = el("div", { class: "cites" });
      for (const c of (result && result.citations) || []) {
        box.append(el("a", { href: `/source?citation=${encodeURIComponent(c)}`, target: "_blank", "data-testid": "citation" }, c));
      }
      if (result && result.notice) box.append(el("div", { class: "muted" }, result.notice));
      return box;
    }
    async function insertClause(clauseText, status) {
      // the drafted text goes in after the clause selected in the outline, as a new section
      if (!current) { status.textContent = say("请先在目次中选择插入位置", "Pick the clause to insert after"); return; }
      const sec = outline.find((x) => x.label === current);
      try {
        const v = await api("PUT", `/api/drafts/${id}/clauses/${encodeURIComponent(current)}`,
          { base_version: version, text: sectionText(sec) + "\n\n" + clauseText, message: say("插入对话起草的条款", "inserted a drafted clause") });
        await reload(current);
        status.textContent = say(`已插入，保存为第${v.number}版`, `Inserted: version ${v.number}`);
      } catch (err) { status.textContent = err.message; }
    }
    function actions(result) {
      const box = el("div", { class: "cites" });
      if (result && result.clause_text && s.can.edit) {
        const status = el("span", { class: "muted" });
        box.append(el("button", { class: "small", "data-testid": "insert", onclick: () => insertClause(result.clause_text, status) },
          say("插入到所选条款之后", "Insert after the selected clause")), " ", status);
      }
      return box;
    }
    function addMessage(role, text, result) {
      const node = el("div", { class: `msg ${role}` }, text);
      if (result) node.append(citeLinks(result), actions(result));
      $("#messages").append(node);
      node.scrollIntoView({ block: "end" });
      return node;
    }
    if (chatForm) chatForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      const input = $("#chat-input");
      const message = input.value.trim();
      if (!message) return;
      input.value = "";
      addMessage("user", message);
      const node = addMessage("assistant", "");
      node.dataset.testid = "answer";
      const res = await fetch(`/api/drafts/${id}/chat`, { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ message }) });
      if (!res.ok) { node.textContent = (await res.json()).detail; return; }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "", streamed = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl); buffer = buffer.slice(nl + 1);
          if (!line.trim()) continue;
          const ev = JSON.parse(line);
          if (ev.type === "token") { streamed += ev.text; node.textContent = streamed; }
          else if (ev.type === "done") { node.textContent = ev.result.text; node.append(citeLinks(ev.result), actions(ev.result)); node.dataset.done = "1"; }
          else if (ev.type === "error") { node.textContent = ev.message; node.dataset.done = "1"; }
        }
      }
    });

    renderOutline();
    loadFindings();
    loadHistory();
  }

  // --- review: comparison and comments -----------------------------------------------------
  function review() {
    const s = state();
    const id = s.draft.id;
    $("#compare-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = new FormData(e.target);
      const q = new URLSearchParams({ format: "html" });
      if (f.get("other")) q.set("other", f.get("other"));
      else if (f.get("corpus")) q.set("corpus", f.get("corpus"));
      else { q.set("left", f.get("left")); }
      q.set("right", f.get("right"));
      try {
        $("#comparison").srcdoc = await api("GET", `/api/drafts/${id}/compare?${q}`);
        $("#compare-error").textContent = "";
      } catch (err) { $("#compare-error").textContent = err.message; }
    });
    $("#related-run").addEventListener("click", async () => {
      const box = $("#related");
      box.replaceChildren(el("p", { class: "muted" }, say("分析中……", "Analysing…")));
      try {
        box.replaceChildren(...relatedView(await api("GET", `/api/drafts/${id}/related?version=${s.version}`)));
        $("#related-error").textContent = "";
      } catch (err) { box.replaceChildren(); $("#related-error").textContent = err.message; }
    });
    async function loadComments() {
      const list = $("#comments");
      list.replaceChildren();
      for (const c of await api("GET", `/api/drafts/${id}/comments`)) {
        list.append(el("li", {}, el("b", {}, `${c.clause} `), c.text, el("span", { class: "muted" }, ` — ${c.author}, v${c.version}`)));
      }
    }
    const form = $("#comment-form");
    if (form) form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      try {
        await api("POST", `/api/drafts/${id}/comments`, { version: s.version, clause: f.get("clause"), text: f.get("text") });
        form.reset();
        await loadComments();
      } catch (err) { $("#compare-error").textContent = err.message; }
    });
    loadComments();
  }

  const RELATIONS = { duplicate: ["重复", "duplicate"], stricter: ["更严", "stricter"], looser: ["更宽", "looser"],
                      contradicting: ["冲突", "contradicting"] };

  function relatedView(r) {
    const out = r.notes.map((n) => el("p", { class: "muted" }, n));
    if (r.overlap) {
      const rows = r.overlap.clauses.flatMap((c) => c.matches.map((m) => el("tr", { "data-relation": m.relation },
        el("td", {}, c.number), el("td", {}, say(...RELATIONS[m.relation])), el("td", {}, m.citation),
        el("td", {}, m.copies.length ? say(`另见 ${m.copies.map((x) => x.citation).join("；")}`,
                                          `also in ${m.copies.map((x) => x.citation).join("; ")}`) : ""),
        el("td", { class: "muted" }, m.text))));
      out.push(rows.length ? el("table", { class: "list" }, ...rows)
                           : el("p", {}, say("语料库中未见重复或冲突的条款。", "No clause of the corpus restates or contradicts this draft.")));
      for (const d of r.overlap.summary) {
        out.push(el("p", {}, say(`草案要求条款的 ${d.covered_percent}% 已见于 ${d.designation}（${d.clauses} 条）`,
                                 `${d.covered_percent} % of the draft's requirements are already covered by ${d.designation} (${d.clauses})`)));
      }
    }
    out.push(el("h3", {}, say("建议的规范性引用文件（第2章）", "Suggested normative references (chapter 2)")));
    out.push(r.chapter_2.length ? el("ul", { "data-testid": "chapter-2" }, ...r.chapter_2.map((line) => el("li", {}, line)))
                                : el("p", { class: "muted" }, say("无", "None")));
    return out;
  }

  // --- export: cover metadata and downloads --------------------------------------------------
  function exportPage() {
    const s = state();
    const id = s.draft.id;
    const form = $("#meta-form");
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      const body = { base_version: s.version };
      for (const [k, v] of f.entries()) body[k] = v;
      body.issuing_bodies = String(f.get("issuing_bodies") || "").split("\n").map((x) => x.trim()).filter(Boolean);
      try {
        const v = await api("PUT", `/api/drafts/${id}/meta`, body);
        s.version = v.number;
        $("#head").textContent = v.number;
        $("#meta-status").textContent = say(`已保存为第${v.number}版`, `Saved as version ${v.number}`);
        $("#download").href = `/api/drafts/${id}/export?version=${v.number}`;
      } catch (err) { $("#meta-status").textContent = err.message; }
    });
    $("#download-tracked").addEventListener("click", (e) => {
      const against = new FormData($("#tracked-form")).get("against");
      if (!against) { e.preventDefault(); return; }
      e.target.href = `/api/drafts/${id}/export?version=${s.version}&against=${against}`;
    });
  }

  // --- corpus: search, documents, uploads with progress ---------------------------------------
  function corpus(canUpload) {
    async function loadDocuments() {
      const table = $("#documents");
      table.replaceChildren(el("tr", {}, el("th", {}, say("编号", "Designation")), el("th", {}, say("名称", "Title")), el("th", {}, say("单元数", "Units"))));
      for (const d of await api("GET", "/api/corpus/documents")) {
        const row = el("tr", {}, el("td", {}, d.designation || d.doc_id), el("td", {}, d.title || ""), el("td", {}, String(d.unit_count ?? d.units ?? "")));
        if (canUpload) {
          row.append(el("td", {}, el("button", { class: "small", onclick: async () => {
            if (!confirm(say(`从语料库移除 ${d.doc_id}？`, `Remove ${d.doc_id} from the corpus?`))) return;
            try { await api("DELETE", `/api/corpus/documents/${encodeURIComponent(d.doc_id)}`); await loadDocuments(); }
            catch (err) { $("#upload-error").textContent = err.message; }
          } }, say("移除", "Remove"))));
        }
        table.append(row);
      }
    }
    const searchForm = $("#search-form");
    searchForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      const q = new FormData(e.target).get("q");
      const list = $("#results");
      list.replaceChildren();
      try {
        for (const r of await api("GET", `/api/search?q=${encodeURIComponent(q)}&k=10`)) {
          list.append(el("li", {}, el("a", { class: "cite", href: `/source?citation=${encodeURIComponent(r.citation)}` }, r.citation),
            " ", r.title || "", el("div", { class: "text" }, r.text.slice(0, 300))));
        }
        $("#search-error").textContent = "";
      } catch (err) { $("#search-error").textContent = err.message; }
    });
    if (canUpload) $("#corpus-upload").addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        let job = await api("POST", "/api/corpus/uploads", new FormData(e.target), true);
        const bar = $("#progress");
        bar.max = job.total;
        while (job.status === "queued" || job.status === "running") {
          await new Promise((r) => setTimeout(r, 500));
          job = await api("GET", `/api/corpus/jobs/${job.id}`);
          bar.value = job.done;
        }
        const files = $("#job-files");
        files.replaceChildren(...job.files.map((f) => el("li", { "data-status": f.status }, `${f.name}: ${f.status} ${f.units ? f.units + " units" : ""} ${f.error || ""}`)));
        if (job.status === "failed") $("#upload-error").textContent = job.error;
        bar.dataset.done = "1";
        await loadDocuments();
      } catch (err) { $("#upload-error").textContent = err.message; }
    });
    loadDocuments();
    const asked = new URLSearchParams(location.search).get("q");  // from a link on the system map
    if (asked) { searchForm.q.value = asked; searchForm.requestSubmit(); }
  }

  return { home, draft, review, exportPage, corpus, api };
})();
