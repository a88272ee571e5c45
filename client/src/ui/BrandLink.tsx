export function BrandLink() {
  return (
    <a className="brand" href="/" aria-label="Mockloop home">
      <img src="/favicon.svg" alt="" width={24} height={24} />
      <span>Mockloop</span>
    </a>
  );
}
