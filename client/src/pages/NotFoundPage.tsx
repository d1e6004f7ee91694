export function NotFoundPage() {
  return (
    <main className="page">
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to the start</a>
      </p>
    </main>
  );
}
