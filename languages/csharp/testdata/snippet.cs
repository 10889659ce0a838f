using System;
using System.Collections.Generic;
using System.Linq;

namespace Shop.Orders
{
    public enum Status { Pending, Shipped, Cancelled }

    public record Line(string Sku, int Quantity, decimal Price);

    public class Order
    {
        private readonly List<Line> _lines = new();

        public Guid Id { get; } = Guid.NewGuid();
        public Status Status { get; private set; } = Status.Pending;

        public decimal Total => _lines.Sum(l => l.Quantity * l.Price);

        public void Add(Line line)
        {
            if (line.Quantity <= 0)
                throw new ArgumentOutOfRangeException(nameof(line));
            _lines.Add(line);
        }

        public async Task ShipAsync(Func<Order, Task> notify)
        {
            Status = Status.Shipped;
            await notify(this);
        }

        public override string ToString() => $"Order {Id}: {_lines.Count} lines, {Total:C}";
    }
}
