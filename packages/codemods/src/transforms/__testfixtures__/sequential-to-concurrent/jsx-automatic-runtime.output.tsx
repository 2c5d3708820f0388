/** @jsxRuntime automatic */
export async function renderPage(render: (element: unknown) => Promise<string>) {
  const [React, html] = await Promise.all([import('react'), render(<App />)]);
  return { React, html };
}
