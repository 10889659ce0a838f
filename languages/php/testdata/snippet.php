<?php

declare(strict_types=1);

namespace App\Http;

use InvalidArgumentException;

final class Router
{
    /** @var array<string, callable> */
    private array $routes = [];

    public function get(string $path, callable $handler): self
    {
        $this->routes['GET ' . $path] = $handler;
        return $this;
    }

    public function dispatch(string $method, string $path): string
    {
        $key = strtoupper($method) . ' ' . $path;
        if (!isset($this->routes[$key])) {
            throw new InvalidArgumentException("No route for {$key}");
        }
        return ($this->routes[$key])();
    }
}

$router = (new Router())->get('/', fn() => 'home');
echo $router->dispatch('get', '/'), PHP_EOL;
