/**
 * The deadline countdown. The server writes the remaining time into the page (it is
 * right without script) and its own instant as `data-now`: the platform may run on a
 * virtual clock, so the browser counts from the server's now, not its own.
 * Each `<time class="countdown" datetime="…" data-now="…">` is updated every minute.
 */
export const COUNTDOWN_JS = `(function(){
"use strict";
var nodes=document.querySelectorAll("time.countdown[data-now]");
if(!nodes.length)return;
var first=Date.parse(nodes[0].getAttribute("data-now"));
var skew=first-Date.now();
function left(ms){
  if(ms<=0)return "已截止";
  var m=Math.floor(ms/60000),d=Math.floor(m/1440),h=Math.floor((m%1440)/60),mm=m%60;
  return "剩余 "+(d?d+" 天 ":"")+h+" 小时 "+mm+" 分";
}
function tick(){
  var now=Date.now()+skew;
  for(var i=0;i<nodes.length;i++){
    nodes[i].textContent=left(Date.parse(nodes[i].getAttribute("datetime"))-now);
  }
}
tick();setInterval(tick,30000);
})();`;
