// jsdom has no canvas: the chart components are replaced by a figure listing what they would draw.
interface StubProps {
  readonly data: { readonly labels?: readonly unknown[]; readonly datasets: readonly { readonly label?: string; readonly data: readonly unknown[] }[] };
}

function stub(kind: string) {
  return function ChartStub({ data }: StubProps) {
    return (
      <figure data-testid={`chart-${kind}`}>
        <ul>
          {(data.labels ?? []).map((label, i) => (
            <li key={i}>
              {String(label)}={data.datasets.map((d) => String(d.data[i])).join(',')}
            </li>
          ))}
        </ul>
      </figure>
    );
  };
}

export const Doughnut = stub('doughnut');
export const Bar = stub('bar');
export const Line = stub('line');
