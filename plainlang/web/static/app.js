// The page of `plainlang serve`: send the dropped letter to /api/check and draw what comes back.
// No rule logic lives here: findings, the score label and the Russian names of categories and
// severities all come from the server. Letter text enters the page only through textContent and
// text nodes, never as HTML, so a letter cannot inject markup.
"use strict";

(function () {
  const MAX_BYTES = 20 * 1024 * 1024; // server.MAX_UPLOAD; tests/test_web.py keeps the two equal
  const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
  const NO_SERVER = "Нет связи с программой. Запустите plainlang serve и обновите страницу.";
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const $ = (id) => document.getElementById(id);

  let current = null; // the File last checked: the annotated copy is made from the same bytes

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  function decimal(x) {
    return x.toFixed(1).replace(".", ",");
  }

  function plural(n, one, few, many) {
    if (n % 10 === 1 && n % 100 !== 11) return one;
    if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return few;
    return many;
  }

  // Offsets in the JSON count code points (Python str indices); a JS string counts UTF-16 units.
  // Without this map an emoji before a finding would shift every highlight after it.
  function pythonText(s) {
    if (!/[\uD800-\uDFFF]/.test(s)) return { slice: (a, b) => s.slice(a, b) };
    const units = [0];
    let u = 0;
    for (const ch of s) {
      u += ch.length;
      units.push(u);
    }
    return { slice: (a, b) => s.slice(units[a], units[b]) };
  }

  function worst(findings) {
    let best = "info";
    for (const f of findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
    return best;
  }

  function post(url, file) {
    return fetch(url, {
      method: "POST",
      headers: { "X-File-Name": encodeURIComponent(file.name), "Content-Type": "application/octet-stream" },
      body: file,
    });
  }

  async function readJson(answer) {
    try {
      return await answer.json();
    } catch (e) {
      return null;
    }
  }

  async function check(file) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setStatus(`Файл «${file.name}» больше 20 мегабайт. Такой файл проверить нельзя.`, true);
      return;
    }
    setStatus(`Проверяем «${file.name}»…`);
    $("results").hidden = true; // the last letter's findings must not pass for this one's
    let answer;
    try {
      answer = await post("/api/check", file);
    } catch (e) {
      setStatus(NO_SERVER, true);
      return;
    }
    const data = await readJson(answer);
    const entry = data && data.files ? data.files[0] : null;
    if (!answer.ok || !entry || entry.error) {
      const reason = (entry && entry.error) || (data && data.error) || "ответ программы не понят.";
      setStatus(`Не удалось проверить «${file.name}»: ${reason}`, true);
      return;
    }
    current = file;
    render(entry);
    const n = entry.findings.length;
    setStatus(n ? `Готово. ${n} ${plural(n, "замечание", "замечания", "замечаний")}.` : "Готово. Замечаний нет.");
  }

  function render(entry) {
    const findings = entry.findings.map((f, index) => Object.assign({ index }, f));
    const marks = new Map(); // finding index → the elements that show it in the letter
    renderScore(entry);
    renderLetter(entry.document, findings, entry.view, marks);
    renderList(entry.document, findings, entry.view, marks);
    $("results").hidden = false;
  }

  function renderScore(entry) {
    const score = entry.score;
    $("score-title").textContent = entry.path;
    $("score").textContent = decimal(score);
    $("score-label").textContent = entry.view.score_label;
    // the same steps as score_label in plainlang/report/text.py, which names them
    const level = score >= 8 ? "good" : score >= 6 ? "fair" : score >= 4 ? "poor" : "bad";
    $("score-box").className = "score-box level-" + level;

    const stats = $("stats");
    stats.replaceChildren();
    const rows = [["Слов", entry.stats.words], ["Предложений", entry.stats.sentences]];
    if (entry.stats.avg_sentence_words !== undefined) {
      rows.push(["Слов в предложении", decimal(entry.stats.avg_sentence_words)]);
      rows.push(["Лёгкость чтения", decimal(entry.stats.flesch_oborneva)]);
    }
    for (const [name, value] of rows) stats.append(el("dt", null, name), el("dd", null, String(value)));
    if (entry.stats.flesch_oborneva !== undefined) {
      stats.append(el("p", "stats-note", "Лёгкость чтения считается по Флешу. Чем больше число, тем проще текст."));
    }

    const docx = entry.view.annotate;
    $("download").hidden = !docx;
    $("download-note").hidden = docx;
    $("download-note").textContent = docx ? "" : "Примечания в файл можно добавить только для письма Word (.docx).";
  }

  function addMark(marks, f, node) {
    if (!marks.has(f.index)) marks.set(f.index, []);
    marks.get(f.index).push(node);
  }

  function renderLetter(doc, findings, view, marks) {
    const text = pythonText(doc.text);
    const wide = new Set(view.wide_categories);
    const whole = $("whole");
    const body = $("body");
    const extra = $("extra");
    whole.replaceChildren();
    body.replaceChildren();
    extra.replaceChildren();

    const general = findings.filter((f) => f.start === null);
    if (general.length) {
      const box = el("div", "whole");
      box.append(el("h3", null, "О письме в целом"));
      const list = el("ul");
      for (const f of general) {
        const item = el("li", "block-mark sev-" + f.severity, f.message);
        addMark(marks, f, item);
        list.append(item);
      }
      box.append(list);
      whole.append(box);
    }

    const placed = findings.filter((f) => f.start !== null);
    let part = null;
    let group = null;
    for (const block of doc.blocks) {
      const p = renderBlock(block, placed, text, wide, marks);
      if (block.locator === null) {
        body.append(p);
        continue;
      }
      // tables, headers, footers and notes follow the body, each under the part it belongs to
      if (!extra.childElementCount) extra.append(el("h3", null, "Таблицы, колонтитулы и сноски"));
      if (block.part !== part) {
        part = block.part;
        group = el("div", "paper part");
        group.append(el("h4", "part-title", part));
        extra.append(group);
      }
      const where = block.place.startsWith(part + ", ") ? block.place.slice(part.length + 2) : block.place;
      const wrap = el("div", "located");
      wrap.append(el("p", "place", where), p);
      group.append(wrap);
    }
  }

  function renderBlock(block, findings, text, wide, marks) {
    const p = el("p", "block kind-" + block.kind);
    const inside = findings.filter((f) =>
      f.end > f.start ? f.start < block.end && f.end > block.start : f.start >= block.start && f.start <= block.end);
    // A finding about the whole paragraph, or one with no width, marks the paragraph's edge:
    // a background over a whole paragraph would hide the words flagged inside it.
    const whole = inside.filter((f) =>
      f.end <= f.start || (wide.has(f.category) && f.start <= block.start && f.end >= block.end));
    const spans = inside.filter((f) => !whole.includes(f));
    if (whole.length) {
      p.classList.add("block-mark", "sev-" + worst(whole));
      p.title = whole.map((f) => `${f.rule}: ${f.message}`).join("\n");
      for (const f of whole) addMark(marks, f, p);
    }
    const markup = block.markup || [];
    const cuts = new Set([block.start, block.end]);
    for (const [s, e] of markup) {
      cuts.add(Math.max(s, block.start));
      cuts.add(Math.min(e, block.end));
    }
    for (const f of spans) {
      cuts.add(Math.max(f.start, block.start));
      cuts.add(Math.min(f.end, block.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const over = spans.filter((f) => f.start <= a && f.end >= b);
      const dim = markup.some(([s, e]) => s <= a && e >= b);
      if (!over.length) {
        // a string becomes a text node
        p.append(dim ? el("span", "markup", text.slice(a, b)) : text.slice(a, b));
        continue;
      }
      const span = el("span", dim ? "markup" : null, text.slice(a, b));
      const fill = over.filter((f) => !wide.has(f.category));
      const line = over.filter((f) => wide.has(f.category));
      if (fill.length) span.classList.add("hl", "sev-" + worst(fill));
      if (line.length) span.classList.add("ul", "ul-" + worst(line));
      span.title = over.map((f) => `${f.rule}: ${f.message}`).join("\n");
      span.addEventListener("click", () => showItem(over[over.length - 1].index));
      for (const f of over) addMark(marks, f, span);
      p.append(span);
    }
    return p;
  }

  function suggestionText(f) {
    const shown = f.suggestions.filter((s) => s && !f.message.includes(`«${s}»`)).slice(0, 3);
    return shown.length ? "Можно так: " + shown.map((s) => `«${s}»`).join(", ") + "." : "";
  }

  function renderList(doc, findings, view, marks) {
    const list = $("findings");
    list.replaceChildren();
    const n = findings.length;
    $("findings-title").textContent = n ? `Замечания: ${n}` : "Замечаний нет";
    const places = new Map(doc.blocks.filter((b) => b.locator).map((b) => [b.locator, b.place]));
    for (const f of findings) {
      const item = el("li", "finding sev-" + f.severity);
      item.id = "finding-" + f.index;
      const button = el("button", "finding-button");
      button.type = "button";
      const head = el("span", "finding-head");
      head.append(
        el("span", "code", f.rule),
        el("span", "category", view.category_names[f.category] || f.category),
        el("span", "severity", view.severity_names[f.severity] || f.severity),
      );
      button.append(head, el("span", "message", f.message));
      const hint = suggestionText(f);
      if (hint) button.append(el("span", "suggestion", hint));
      if (f.paragraph === null && f.locator && places.has(f.locator)) {
        button.append(el("span", "where", "Где: " + places.get(f.locator) + "."));
      }
      button.addEventListener("click", () => flash(marks.get(f.index) || []));
      item.append(button);
      list.append(item);
    }
  }

  function flash(targets) {
    if (!targets.length) return;
    targets[0].scrollIntoView({ block: "center", behavior: reducedMotion ? "auto" : "smooth" });
    for (const t of targets) {
      t.classList.remove("flash");
      void t.offsetWidth; // restart the animation when the same finding is clicked twice
      t.classList.add("flash");
    }
  }

  function showItem(index) {
    const item = $("finding-" + index);
    if (!item) return;
    item.scrollIntoView({ block: "nearest", behavior: reducedMotion ? "auto" : "smooth" });
    flash([item]);
  }

  function savedName(answer, file) {
    const header = answer.headers.get("Content-Disposition") || "";
    const match = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (match) {
      try {
        return decodeURIComponent(match[1]);
      } catch (e) {
        // a broken header: fall back to the letter's own name
      }
    }
    return file.name.replace(/\.docx$/i, "") + ".checked.docx";
  }

  async function download() {
    if (!current) return;
    const file = current;
    const button = $("download");
    const label = button.textContent;
    button.disabled = true;
    button.textContent = "Готовим файл…";
    try {
      const answer = await post("/api/annotate", file);
      if (!answer.ok) {
        const data = await readJson(answer);
        setStatus(`Не удалось подготовить файл: ${(data && data.error) || "ответ программы не понят."}`, true);
        return;
      }
      const blob = await answer.blob();
      const link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = savedName(answer, file);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      setStatus(`Письмо с примечаниями готово: «${link.download}».`);
    } catch (e) {
      setStatus(NO_SERVER, true);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }

  function start() {
    const input = $("file");
    const drop = $("drop");
    input.addEventListener("change", () => {
      const file = input.files[0];
      input.value = ""; // so that choosing the same file again checks it again
      check(file);
    });
    // The whole window takes the drop: a file let go beside the zone would otherwise be opened by
    // the browser in place of the page.
    window.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
    window.addEventListener("dragleave", (e) => {
      if (e.relatedTarget === null) drop.classList.remove("over");
    });
    window.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      const file = e.dataTransfer && e.dataTransfer.files[0];
      if (file) check(file);
    });
    $("download").addEventListener("click", download);
    document.addEventListener("animationend", (e) => e.target.classList.remove("flash"));
  }

  start();
})();
