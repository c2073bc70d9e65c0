using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Viber.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
