document.querySelector("#app").textContent = "办好";
