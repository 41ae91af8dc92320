/**
 * The USCC checked as it is typed: the check character of GB 32100-2015, the same rule
 * as core's `usccCheckCharacter`. The refusal is the server's own text, which the page
 * carries (`data-invalid-zh`/`-en`, `{uscc}` standing for the code), so the browser
 * never words it differently. The server checks again on submit.
 * Each `<input data-uscc-check>` with an `aria-describedby` slot `#<id>-live`.
 */
export const USCC_CHECK_JS = `(function(){
"use strict";
var A="0123456789ABCDEFGHJKLMNPQRTUWXY",W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28];
function valid(c){
  if(!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(c))return false;
  var s=0;for(var i=0;i<17;i++)s+=A.indexOf(c.charAt(i))*W[i];
  return A.charAt((31-(s%31))%31)===c.charAt(17);
}
var inputs=document.querySelectorAll("input[data-uscc-check]");
for(var i=0;i<inputs.length;i++)(function(input){
  var live=document.getElementById(input.id+"-live");
  if(!live)return;
  function check(final){
    var v=input.value.trim().toUpperCase();
    live.textContent="";live.className="uscc-live";
    if(v===""){input.removeAttribute("aria-invalid");return;}
    if(v.length<18&&!final){live.textContent="已输入 "+v.length+"/18 位";return;}
    if(valid(v)){input.removeAttribute("aria-invalid");live.textContent="✓ 代码校验通过 Check character is right";live.className="uscc-live ok";return;}
    input.setAttribute("aria-invalid","true");
    live.className="uscc-live error-text";
    live.textContent=input.getAttribute("data-invalid-zh").replace("{uscc}",v)+" ";
    var en=document.createElement("span");en.className="en";en.lang="en";
    en.textContent=input.getAttribute("data-invalid-en").replace("{uscc}",v);
    live.appendChild(en);
  }
  input.addEventListener("input",function(){check(false);});
  input.addEventListener("blur",function(){check(true);});
})(inputs[i]);
})();`;
