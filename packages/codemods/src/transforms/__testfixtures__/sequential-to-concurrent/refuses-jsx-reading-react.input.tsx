// Under the classic JSX runtime, <App /> is React.createElement(App): it reads React.
export async function renderPage(render: (element: unknown) => Promise<string>) {
  const React = await import('react');
  const html = await render(<App />);
  return { React, html };
}
