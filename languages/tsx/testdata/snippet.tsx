import React, { useState } from 'react';

interface TodoProps {
  initial: string[];
  onDone?: (item: string) => void;
}

export function TodoList({ initial, onDone }: TodoProps) {
  const [items, setItems] = useState<string[]>(initial);
  const [text, setText] = useState('');

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (text.trim()) setItems([...items, text.trim()]);
    setText('');
  };

  return (
    <form onSubmit={add}>
      <input value={text} onChange={(e) => setText(e.target.value)} />
      <ul>
        {items.map((item) => (
          <li key={item} onClick={() => onDone?.(item)}>
            {item}
          </li>
        ))}
      </ul>
    </form>
  );
}
