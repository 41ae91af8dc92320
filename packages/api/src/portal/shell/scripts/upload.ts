/**
 * Documents uploaded straight to storage: for each `<input type=file data-kind>` in
 * `#documents`, the file is checked against the kind's types and size (refused with the
 * server's own words, which the page carries as `data-type-zh` … `data-size-en`),
 * hashed with SHA-256 in the browser, declared to the portal (which asks the platform
 * for a presigned POST), posted to storage with its progress shown, completed (the
 * server verifies size, hash and magic bytes), and the kind's list of files refreshed
 * from the page itself, so its rendering lives in one place (with the form's version,
 * which a document moves on).
 */
export const UPLOAD_JS = `(function(){
"use strict";
var section=document.getElementById("documents");
if(!section||!window.crypto||!crypto.subtle||!window.fetch||!window.FormData)return;
var csrf=section.getAttribute("data-csrf"),base=section.getAttribute("data-base");
var hidden=section.querySelectorAll(".upload[hidden]");
for(var h=0;h<hidden.length;h++)hidden[h].removeAttribute("hidden");
function say(box,message,bad){
  box.textContent=message.zh;
  if(message.en){box.appendChild(document.createTextNode(" "));var en=document.createElement("span");en.className="en";en.lang="en";en.textContent=message.en;box.appendChild(en);}
  box.className=bad?"upload-status error-text":"upload-status";
}
function hex(buffer){
  var bytes=new Uint8Array(buffer),out="";
  for(var i=0;i<bytes.length;i++)out+=(bytes[i]<16?"0":"")+bytes[i].toString(16);
  return out;
}
function postJson(url,body){
  return fetch(url,{method:"POST",credentials:"same-origin",headers:{"content-type":"application/json","x-csrf-token":csrf},body:JSON.stringify(body)})
    .then(function(r){return r.json().catch(function(){return {};}).then(function(j){if(!r.ok)throw j;return j;});});
}
function toStorage(upload,file,progress){
  return new Promise(function(resolve,reject){
    var xhr=new XMLHttpRequest();
    xhr.open("POST",upload.url);
    xhr.upload.addEventListener("progress",function(e){if(e.lengthComputable)progress.value=Math.round(e.loaded*100/e.total);});
    xhr.onload=function(){if(xhr.status>=200&&xhr.status<300){progress.value=100;resolve();}else reject({message:{zh:"上传到存储失败（"+xhr.status+"），请重试",en:"Storage refused the upload; try again"}});};
    xhr.onerror=function(){reject({message:{zh:"上传失败，请检查网络后重试",en:"The upload failed; check the connection and try again"}});};
    var form=new FormData();
    Object.keys(upload.fields).forEach(function(k){form.append(k,upload.fields[k]);});
    form.append("file",file);
    xhr.send(form);
  });
}
function refresh(kind){
  return fetch(location.pathname+location.search,{credentials:"same-origin"}).then(function(r){return r.text();}).then(function(html){
    var doc=new DOMParser().parseFromString(html,"text/html");
    var fresh=doc.getElementById("files-"+kind),old=document.getElementById("files-"+kind);
    if(fresh&&old)old.replaceWith(document.importNode(fresh,true));
    // A document changes the application's version, never its fields: the form's
    // unsaved values stay right, so it carries the new version.
    var version=doc.querySelector("#application-form input[name=version]"),mine=document.querySelector("#application-form input[name=version]");
    if(version&&mine)mine.value=version.value;
  });
}
function upload(input){
  var box=document.getElementById(input.id+"-status"),progress=document.getElementById(input.id+"-progress");
  var file=input.files&&input.files[0];
  if(!file)return;
  var types=(input.getAttribute("data-types")||"").split(" ");
  if(types.indexOf(file.type)<0){say(box,{zh:input.getAttribute("data-type-zh"),en:input.getAttribute("data-type-en")},true);input.value="";return;}
  if(file.size>Number(input.getAttribute("data-max-bytes"))){say(box,{zh:input.getAttribute("data-size-zh"),en:input.getAttribute("data-size-en")},true);input.value="";return;}
  input.disabled=true;progress.value=0;progress.hidden=false;
  say(box,{zh:"正在计算校验值…",en:"Hashing…"});
  var kind=input.getAttribute("data-kind"),declared;
  file.arrayBuffer().then(function(bytes){return crypto.subtle.digest("SHA-256",bytes);}).then(function(digest){
    var body={kind:kind,filename:file.name,contentType:file.type,size:file.size,sha256:hex(digest)};
    var replaces=input.getAttribute("data-replaces");if(replaces)body.replaces=replaces;
    return postJson(base,body);
  }).then(function(answer){
    declared=answer.documentId;
    say(box,{zh:"正在上传…",en:"Uploading…"});
    return toStorage(answer.upload,file,progress);
  }).then(function(){
    say(box,{zh:"正在校验…",en:"Verifying…"});
    return postJson(base+"/"+encodeURIComponent(declared)+"/complete",{});
  }).then(function(){
    return refresh(kind);
  }).then(function(){
    say(box,{zh:"已上传并校验："+file.name,en:"Uploaded and verified"});
  }).catch(function(error){
    say(box,(error&&error.message)||{zh:"上传失败，请重试",en:"The upload failed; try again"},true);
    progress.hidden=true;
  }).then(function(){input.disabled=false;input.value="";});
}
var inputs=section.querySelectorAll("input[type=file][data-kind]");
for(var i=0;i<inputs.length;i++)inputs[i].addEventListener("change",function(e){upload(e.target);});
})();`;
