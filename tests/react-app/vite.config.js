// The partner app's build: Vite with React's plugin, nothing else.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({ plugins: [react()] });
