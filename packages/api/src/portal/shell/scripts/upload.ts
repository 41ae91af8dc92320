/**
 * Documents uploaded straight to storage: each file is checked against its kind's types
 * and size (refused with the server's own words, which the page carries as
 * `data-type-zh` … `data-size-en`), hashed with SHA-256 in the browser, declared to the
 * portal (which asks the platform for a presigned POST), posted to storage with its
 * progress shown, and completed (the server verifies size, hash and magic bytes).
 *
 * One mechanism, two ways of declaring. An application's documents (`#documents`): each
 * `<input type=file data-kind>` declares its file alone, and the kind's list of files is
 * refreshed from the page itself, so its rendering lives in one place (with the form's
 * version, which a document moves on). A record whose documents are declared with it
 * (`<form data-declare=URL>`, an engagement's milestone): on submit with files chosen,
 * the form's fields and the files' declarations go as JSON to URL, which answers
 * `{ uploads: [{ upload, complete }], next }`; each file is posted and completed, then
 * the browser goes to `next`. With no file chosen the form posts as it does without
 * script.
 */
export const UPLOAD_JS = `(function(){
"use strict";
if(!window.crypto||!crypto.subtle||!window.fetch||!window.FormData)return;
var hidden=document.querySelectorAll("#documents .upload[hidden], form[data-declare] .upload[hidden]");
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
function postJson(url,body,csrf){
  return fetch(url,{method:"POST",credentials:"same-origin",headers:{"content-type":"application/json","x-csrf-token":csrf},body:JSON.stringify(body)})
    .then(function(r){return r.json().catch(function(){return {};}).then(function(j){if(!r.ok)throw j;return j;});});
}
function toStorage(upload,file,onProgress){
  return new Promise(function(resolve,reject){
    var xhr=new XMLHttpRequest();
    xhr.open("POST",upload.url);
    xhr.upload.addEventListener("progress",function(e){if(e.lengthComputable)onProgress(Math.round(e.loaded*100/e.total));});
    xhr.onload=function(){if(xhr.status>=200&&xhr.status<300){onProgress(100);resolve();}else reject({message:{zh:"上传到存储失败（"+xhr.status+"），请重试",en:"Storage refused the upload; try again"}});};
    xhr.onerror=function(){reject({message:{zh:"上传失败，请检查网络后重试",en:"The upload failed; check the connection and try again"}});};
    var form=new FormData();
    Object.keys(upload.fields).forEach(function(k){form.append(k,upload.fields[k]);});
    form.append("file",file);
    xhr.send(form);
  });
}
/** The input's refusal of a file (its type, its size), or null when it fits. */
function refusal(input,file){
  var types=(input.getAttribute("data-types")||"").split(" ");
  if(types.indexOf(file.type)<0)return {zh:input.getAttribute("data-type-zh"),en:input.getAttribute("data-type-en")};
  if(file.size>Number(input.getAttribute("data-max-bytes")))return {zh:input.getAttribute("data-size-zh"),en:input.getAttribute("data-size-en")};
  return null;
}
function declaration(file){
  return file.arrayBuffer().then(function(bytes){return crypto.subtle.digest("SHA-256",bytes);}).then(function(digest){
    return {filename:file.name,contentType:file.type,size:file.size,sha256:hex(digest)};
  });
}
var section=document.getElementById("documents");
var csrf=section&&section.getAttribute("data-csrf"),base=section&&section.getAttribute("data-base");
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
  var refused=refusal(input,file);
  if(refused){say(box,refused,true);input.value="";return;}
  input.disabled=true;progress.value=0;progress.hidden=false;
  say(box,{zh:"正在计算校验值…",en:"Hashing…"});
  var kind=input.getAttribute("data-kind"),declared;
  declaration(file).then(function(body){
    body.kind=kind;
    var replaces=input.getAttribute("data-replaces");if(replaces)body.replaces=replaces;
    return postJson(base,body,csrf);
  }).then(function(answer){
    declared=answer.documentId;
    say(box,{zh:"正在上传…",en:"Uploading…"});
    return toStorage(answer.upload,file,function(p){progress.value=p;});
  }).then(function(){
    say(box,{zh:"正在校验…",en:"Verifying…"});
    return postJson(base+"/"+encodeURIComponent(declared)+"/complete",{},csrf);
  }).then(function(){
    return refresh(kind);
  }).then(function(){
    say(box,{zh:"已上传并校验："+file.name,en:"Uploaded and verified"});
  }).catch(function(error){
    say(box,(error&&error.message)||{zh:"上传失败，请重试",en:"The upload failed; try again"},true);
    progress.hidden=true;
  }).then(function(){input.disabled=false;input.value="";});
}
var inputs=section?section.querySelectorAll("input[type=file][data-kind]"):[];
for(var i=0;i<inputs.length;i++)inputs[i].addEventListener("change",function(e){upload(e.target);});
function declareWith(form,event){
  var input=form.querySelector("input[type=file]");
  var files=input&&input.files?Array.prototype.slice.call(input.files):[];
  if(files.length===0)return;
  event.preventDefault();
  var box=document.getElementById(input.id+"-status"),progress=document.getElementById(input.id+"-progress");
  var button=form.querySelector("button[type=submit]"),token=form.getAttribute("data-csrf");
  for(var f=0;f<files.length;f++){
    var refused=refusal(input,files[f]);
    if(refused){say(box,{zh:files[f].name+"："+refused.zh,en:refused.en},true);return;}
  }
  var body={};
  new FormData(form).forEach(function(value,name){if(typeof value==="string"&&name!=="_csrf")body[name]=value;});
  if(button)button.disabled=true;
  progress.value=0;progress.hidden=false;
  say(box,{zh:"正在计算校验值…",en:"Hashing…"});
  Promise.all(files.map(declaration)).then(function(documents){
    body.documents=documents;
    return postJson(form.getAttribute("data-declare"),body,token);
  }).then(function(answer){
    say(box,{zh:"正在上传…",en:"Uploading…"});
    var chain=Promise.resolve();
    answer.uploads.forEach(function(ticket,n){
      chain=chain.then(function(){
        return toStorage(ticket.upload,files[n],function(p){progress.value=Math.round((n*100+p)/files.length);});
      }).then(function(){
        say(box,{zh:"正在校验："+files[n].name,en:"Verifying…"});
        return postJson(ticket.complete,{},token);
      });
    });
    return chain.then(function(){location.assign(answer.next);});
  }).catch(function(error){
    say(box,(error&&error.message)||{zh:"提交失败，请重试",en:"The submission failed; try again"},true);
    progress.hidden=true;
    if(button)button.disabled=false;
  });
}
var forms=document.querySelectorAll("form[data-declare]");
for(var d=0;d<forms.length;d++)forms[d].addEventListener("submit",function(e){declareWith(e.currentTarget,e);});
})();`;
