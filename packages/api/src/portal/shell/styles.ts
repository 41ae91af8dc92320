/**
 * The portal's one stylesheet, served from `/assets` with an integrity hash. Plain CSS,
 * mobile first: one column on a phone, wider tables and two-column forms from 48rem. The one
 * exception is a table of records (`table.stack`, see data-table.tsx): it is a table
 * unless the screen is narrower than 48rem, where each row becomes a card: each cell is a
 * block formatting context (`flow-root`) holding its label as a float, so a label that
 * wraps to two lines still pushes the next cell down, whatever markup the value holds.
 * Screen only: a printed notice stays a table on A4.
 * Colours meet WCAG AA on white (body text 12.6:1, links 7.4:1, muted text 5.9:1), and
 * focus is always visible. The print rules lay a notice out on A4.
 */
export const PORTAL_CSS = `
:root{--ink:#1f2933;--muted:#52606d;--line:#cbd2d9;--soft:#f5f7fa;--brand:#9b1c1c;--link:#0b4f9c;--ok:#1e6b3a;--warn:#8a4b00;--bad:#a61b1b;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;color:var(--ink);line-height:1.6;background:#fff}
a{color:var(--link)}a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}.skip:focus{left:0}
.site{background:var(--brand);color:#fff}
.site a{color:#fff}
.site .bar{max-width:72rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;align-items:center;justify-content:space-between}
.site .brand{font-weight:bold;font-size:1.15rem;text-decoration:none}
.site .authority{display:block;font-size:.85rem;font-weight:normal}
.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.site .who{font-size:.9rem;display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
.site .who button{background:transparent;color:#fff;border:1px solid #fff;padding:.15rem .6rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.75rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.en{color:var(--muted);font-size:.875em;font-weight:normal}
.muted{color:var(--muted)}
button .en,.button .en,.site .en,th .en{color:inherit}
.crumbs{font-size:.9rem;margin:.25rem 0 .5rem}.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem}.crumbs li+li::before{content:"›";margin-right:.25rem;color:var(--muted)}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:1rem}
article.card+article.card{margin-top:1rem}
.card{border:1px solid var(--line);border-radius:6px;padding:1rem}
.card h2,.card h3{margin-top:0;border:0}
.tag{display:inline-block;border:1px solid currentColor;border-radius:3px;padding:0 .4rem;font-size:.85rem;white-space:nowrap}
.tag.open,.tag.ok{color:var(--ok)}.tag.closed,.tag.bad{color:var(--bad)}.tag.upcoming,.tag.warn{color:var(--warn)}
.deadline{font-size:1.05rem}.countdown{font-weight:bold}
/* A label takes what it needs up to 40 % of the width, then wraps: a long one (a form's
   question) never squeezes its answer into a sliver or pushes it past a phone's edge. */
dl.facts{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:.25rem 1rem;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;min-width:0;overflow-wrap:break-word}
/* A USCC or a number is one long word: it wraps rather than run past a phone's edge. */
dl.facts dd.uscc{overflow-wrap:anywhere}
details{margin:1rem 0}summary{cursor:pointer;font-weight:bold;color:var(--link)}
.clauses{padding-left:1.5rem}.clauses li{margin:.35rem 0}.source{color:var(--muted);font-size:.8rem;white-space:nowrap}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}th{background:var(--soft)}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;background:var(--soft);padding:.75rem;border-radius:6px}form.filters>.field{max-width:100%;min-width:0}
.field{display:flex;flex-direction:column;gap:.25rem;margin:0 0 1rem}
.field label,.field legend{font-weight:bold}
.hint{color:var(--muted);font-size:.875rem}
.error-text{color:var(--bad);font-weight:bold}
fieldset{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}legend{font-weight:bold;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:center;margin:.35rem 0}.choice input{width:1.25rem;height:1.25rem;margin:0}
.text-block{white-space:pre-wrap}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
tr.overdue td{background:#fdf2f2}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:var(--bad);border-width:2px}
input,select,textarea,button{font:inherit;color:inherit}
input[type=text],input[type=search],input[type=number],input[type=date],input[type=email],input[type=tel],select,textarea{border:1px solid #7b8794;border-radius:4px;padding:.4rem .5rem;min-height:2.5rem;max-width:100%;background:#fff}
textarea{min-height:6rem;width:100%}
button,.button{display:inline-block;background:var(--link);color:#fff;border:1px solid var(--link);border-radius:4px;padding:.45rem 1rem;min-height:2.5rem;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--link)}
button.danger{background:var(--bad);border-color:var(--bad)}
.notice-box{border-left:4px solid var(--link);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}
.notice-box.bad{border-color:var(--bad)}.notice-box.ok{border-color:var(--ok)}
.sign-off{text-align:right}
fieldset.group{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem 1rem}fieldset.entry{border:1px dashed var(--line);border-radius:6px;margin:0 0 .75rem;padding:.5rem .75rem}
.field.invalid.group,.card.invalid{border-color:var(--bad);border-width:2px}
.check{display:flex;gap:.5rem;align-items:center;margin:.2rem 0}.check input{width:1.1rem;height:1.1rem}
.uscc-live{font-size:.9rem}.uscc-live.ok{color:var(--ok)}
.upload{display:flex;flex-direction:column;gap:.35rem;margin-top:.5rem}.upload progress{width:100%;max-width:24rem}.upload-status{margin:0}
.files{padding-left:1.25rem;margin:.25rem 0}.prewrap{white-space:pre-wrap}
.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}.timeline-item{padding:.25rem 0 .75rem 1rem;position:relative}.timeline-item p{margin:.1rem 0}
.timeline-item::before{content:"";position:absolute;left:-.5rem;top:.6rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--link)}
.timeline-item.status-returned::before,.timeline-item.status-rejected::before{background:var(--bad)}.timeline-reason{color:var(--muted)}
.return-reason{font-size:1.05rem}
.choices,.inline-links{list-style:none;padding:0;margin:0 0 .5rem}.choices li{margin:.35rem 0}.inline-links{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
fieldset.field{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem}
.pager{display:flex;gap:1rem;margin:1rem 0;align-items:center}
.identities{list-style:none;padding:0;display:grid;gap:.5rem}
.identities form{display:flex;gap:.75rem;align-items:center;justify-content:space-between;border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem}
footer.site-foot{max-width:72rem;margin:2rem auto;padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}
.downloads{display:inline-flex;gap:.75rem;flex-wrap:wrap}
.chart-pair{display:grid;gap:1rem;margin:0 0 1.5rem}.chart-pair svg{width:100%;height:auto;max-width:40rem}
.chart text{font-size:12px;fill:var(--ink)}.chart .axis{stroke:var(--line)}.chart .value{fill:var(--ink)}
.legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.875rem}.legend svg{width:.9rem;height:.9rem;vertical-align:-.1rem;margin-right:.25rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.stack tbody th{background:none;font-weight:normal}
table.counts th{white-space:nowrap}table.counts tr>th:first-child{position:sticky;left:0;background:#fff}table.counts thead th:first-child{background:var(--soft)}
@media screen and (max-width:47.99rem){
  table.stack,table.stack caption,table.stack tbody,table.stack tr,table.stack tbody th{display:block}
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
  table.stack tr{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;margin:0 0 .75rem}
  table.stack tbody th{border:0;padding:0 0 .25rem;font-weight:bold}
  table.stack td{display:flow-root;border:0;padding:.15rem 0 .15rem 7.5rem;text-align:left}
  table.stack td::before{content:attr(data-label);float:left;width:7rem;margin-left:-7.5rem;color:var(--muted)}
  table.stack td:empty{display:none}
  table.stack td[colspan]{padding-left:0}
  table.stack tr.overdue{background:#fdf2f2}table.stack tr.overdue td{background:none}
}
@media (min-width:48rem){.cards{grid-template-columns:repeat(2,1fr)}h1{font-size:1.75rem}}
@media print{
  @page{size:A4;margin:20mm 18mm}
  body{font-size:11pt;color:#000}
  .site,.skip,footer.site-foot,.no-print,form{display:none!important}
  main{max-width:none;padding:0}
  a{color:#000;text-decoration:none}
  table{page-break-inside:auto}tr{page-break-inside:avoid}th{background:#eee}
  .notice-head{text-align:center}
}
`;
