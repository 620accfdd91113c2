using System.Text;
using DeltaSdk.Samples.Quickstart;

// Chinese names must survive terminals whose default code page is not UTF-8.
Console.OutputEncoding = Encoding.UTF8;

// Joined so that an unquoted two-word name ("Suzhou City") still arrives as one argument.
return QuickstartReport.Write(Console.Out, args.Length == 0 ? null : string.Join(' ', args));
